package io.pmip.lma;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepliesTest {
    private sealed interface Command {
    }

    /** Asks for the thread the replying actor runs on; answered on {@link Release} only. */
    private record WhichThread(ActorRef<Thread> replyTo) implements Command {
    }

    /** Lets the actor answer, once the test's dependent is registered (else it would run on the test's thread). */
    private record Release() implements Command {
    }

    private ActorTestKit kit;

    @BeforeAll
    void start() {
        kit = ActorTestKit.create("replies-test", TestConfigs.actorSystem());
    }

    @AfterAll
    void stop() {
        kit.shutdownTestKit();
    }

    private static Behavior<Command> replier(ActorRef<Thread> waiting) {
        return Behaviors.receiveMessage(m -> {
            if (m instanceof WhichThread w) {
                return replier(w.replyTo());
            }
            waiting.tell(Thread.currentThread());
            return Behaviors.same();
        });
    }

    @Test
    void dependentsOfTheReplyRunOnTheReplyingActorsThreadNotANewOne() throws Exception {
        ActorRef<Command> actor = kit.spawn(replier(kit.system().ignoreRef()));
        for (int i = 0; i < 20; i++) {
            CompletableFuture<Thread[]> threads = Replies.onReplyingThread(
                            AskPattern.<Command, Thread>ask(actor, WhichThread::new, Duration.ofSeconds(10),
                                    kit.scheduler()))
                    .thenApply(replier -> new Thread[] {replier, Thread.currentThread()});
            actor.tell(new Release());
            Thread[] t = threads.get(10, TimeUnit.SECONDS);
            assertSame(t[0], t[1], "dependent ran on " + t[1].getName() + ", the reply came from " + t[0].getName());
        }
    }

    @Test
    void aTimedOutAskFailsTheStageWithTheAsksOwnException() throws Exception {
        ActorRef<Command> silent = kit.spawn(Behaviors.ignore());
        CompletableFuture<Thread> reply = Replies.onReplyingThread(AskPattern.<Command, Thread>ask(silent,
                WhichThread::new, Duration.ofMillis(50), kit.scheduler()));
        ExecutionException e = assertThrows(ExecutionException.class, () -> reply.get(10, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, e.getCause());
        // What the ingress's callback gets: the timeout, not wrapped in a CompletionException.
        Throwable[] seen = new Throwable[1];
        reply.whenComplete((value, failure) -> seen[0] = failure);
        assertInstanceOf(TimeoutException.class, seen[0]);
    }
}
