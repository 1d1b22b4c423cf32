package io.pmip.lma.index;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/** The {@link BindingIndex} of one actor system: the binding entities it runs write to it. */
public final class HostedBindings implements Extension {
    private static final ExtensionId<HostedBindings> ID = new ExtensionId<>() {
        @Override
        public HostedBindings createExtension(ActorSystem<?> system) {
            return new HostedBindings();
        }
    };

    private final BindingIndex index = new BindingIndex();

    private HostedBindings() {
    }

    public static BindingIndex of(ActorSystem<?> system) {
        return system.registerExtension(ID).index;
    }
}
