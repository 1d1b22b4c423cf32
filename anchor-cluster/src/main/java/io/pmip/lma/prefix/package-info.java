/**
 * The cluster-wide home network prefix pools: one event-sourced entity per sub-range of an aggregate,
 * idempotent allocation per holder, spill to other sub-ranges when one is full.
 */
package io.pmip.lma.prefix;
