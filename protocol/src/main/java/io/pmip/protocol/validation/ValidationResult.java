package io.pmip.protocol.validation;

import io.pmip.protocol.mh.BindingAckStatus;
import java.util.Objects;

/** The outcome of checking a message against the option rules of its RFCs. */
public sealed interface ValidationResult {
    /** The message carries what the rules require. */
    record Accepted() implements ValidationResult {
    }

    /**
     * The message breaks a rule; {@code status} is the PBA status to answer with and
     * {@code reason} says which rule, for logs and counters.
     */
    record Rejected(BindingAckStatus status, String reason) implements ValidationResult {
        public Rejected {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
            if (status.isAccepted()) {
                throw new IllegalArgumentException("a rejection needs a status of 128 or more, got " + status);
            }
        }
    }

    ValidationResult ACCEPTED = new Accepted();

    default boolean isAccepted() {
        return this instanceof Accepted;
    }
}
