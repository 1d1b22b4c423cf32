/**
 * The read side of the binding journal: one mobile node's timeline, its binding state at an instant
 * (rebuilt with the entity's own {@link io.pmip.lma.BindingState#apply}), the events of one MAG, and
 * whole-journal invariant checks. Free of any CLI or HTTP concern: {@code pmip replay} and the admin
 * API both render what {@link io.pmip.lma.history.BindingHistory} returns.
 */
package io.pmip.lma.history;
