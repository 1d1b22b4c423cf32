/** Who may register: the MAG peer list and mobile node policy profiles (RFC 5213 sections 4, 5.3.1, 6.2). */
package io.pmip.lma.policy;
