package io.pmip.lma;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepliesTest {
    private ActorTestKit kit;

    @BeforeAll
    void start() {
        kit = ActorTestKit.create("replies-test", TestConfigs.actorSystem());
    }

    @AfterAll
    void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void aReplyIsHandedOnAndItsDependentsRunOnTheReplyingActorsThread() throws Exception {
        ActorRef<ActorRef<String>> echo = kit.spawn(Behaviors.receiveMessage(replyTo -> {
            replyTo.tell(Thread.currentThread().getName());
            return Behaviors.same();
        }));
        String caller = Thread.currentThread().getName();
        CompletableFuture<String[]> threads = Replies.onReplyingThread(AskPattern.<ActorRef<String>, String>ask(
                        echo, r -> r, Duration.ofSeconds(5), kit.scheduler()))
                .thenApply(replier -> new String[] {replier, Thread.currentThread().getName()});
        String[] seen = threads.get(10, TimeUnit.SECONDS);
        assertTrue(seen[1].equals(seen[0]) || seen[1].equals(caller), seen[0] + " / " + seen[1]);
    }

    @Test
    void anUnansweredAskFailsWithTheTimeoutItselfAsTheIngressCountsIt() {
        ActorRef<ActorRef<String>> silent = kit.spawn(Behaviors.receiveMessage(replyTo -> Behaviors.same()));
        CompletableFuture<String> reply = Replies.onReplyingThread(AskPattern.<ActorRef<String>, String>ask(
                silent, r -> r, Duration.ofMillis(100), kit.scheduler()));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> reply.get(10, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, failed.getCause());
        // What the ingress's callback gets: the timeout, not wrapped in a CompletionException.
        Throwable[] seen = new Throwable[1];
        reply.whenComplete((value, failure) -> seen[0] = failure);
        assertInstanceOf(TimeoutException.class, seen[0]);
    }
}
