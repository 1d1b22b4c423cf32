/** How the LMA continues after an ask, without the thread hops of Pekko's Java ask stages. */
package io.pmip.lma.concurrent;
