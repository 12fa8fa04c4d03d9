/*
 * Copyright 2026 The Switchboard authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.switchboard.pulsar;

import io.switchboard.faults.Fault;
import io.switchboard.faults.FaultyProxy;
import io.switchboard.Message;
import io.switchboard.MessagingException;
import io.switchboard.Producer;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Receipt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * What each delivery guarantee means on Pulsar, shown with a failure no clean broker stop produces: the broker stores
 * a message, its acknowledgement is lost, the connection breaks, and the client sends the message again.
 */
class GuaranteesTest extends BrokerTest {
    private CompletableFuture<Receipt> lastResend;

    /** A namespace where deduplication is off (the broker turns it on everywhere else). */
    private static final String PLAIN_NAMESPACE = "public/no-dedup";

    @BeforeAll
    static void namespaceWithoutDeduplication() throws Exception {
        if (!admin.namespaces().getNamespaces("public").contains(PLAIN_NAMESPACE)) {
            admin.namespaces().createNamespace(PLAIN_NAMESPACE);
        }
        admin.namespaces().setDeduplicationStatus(PLAIN_NAMESPACE, false);
    }

    @Test
    void effectivelyOnceStoresAMessageResentAfterALostAcknowledgementOnce() throws Exception {
        String topic = topic("effectively-once");
        assertThat(sendThroughALostAcknowledgement(topic, "effectively-once"))
                .as("what a consumer reads").containsExactly("before", "once", "after");
        assertThat(lastResend.join().messageId()).as("the id of a resend the broker recognised (it does not say where"
                + " the first copy is)").isEmpty();
    }

    @Test
    void atLeastOnceWithoutDeduplicationStoresTheResentMessageTwice() throws Exception {
        String topic = PLAIN_NAMESPACE + "/" + unique("at-least-once");
        pulsar.createTopic(topic);
        assertThat(sendThroughALostAcknowledgement(topic, "at-least-once"))
                .as("what a consumer reads: the resend duplicates, which is why effectively-once needs deduplication")
                .containsExactly("before", "once", "once", "after");
    }

    @Test
    void withTheAdminUrlEffectivelyOnceIsVerifiedWhereDeduplicationIsOn() {
        String topic = topic("verified");
        Producer<String> producer = producers.open(ProducerSettings.GUARANTEE, "effectively-once",
                PulsarKeys.ADMIN_URL, pulsar.httpUrl());
        producer.send(Message.to(topic).value("kept once"));
        assertThat(values(read(topic, 1))).containsExactly("kept once");
    }

    @Test
    void withTheAdminUrlEffectivelyOnceIsRefusedWhereDeduplicationIsOff() {
        String topic = PLAIN_NAMESPACE + "/" + unique("unverified");
        pulsar.createTopic(topic);
        Producer<String> producer = producers.open(ProducerSettings.GUARANTEE, "effectively-once",
                PulsarKeys.ADMIN_URL, pulsar.httpUrl());
        MessagingException e = catchThrowableOfType(MessagingException.class,
                () -> producer.send(Message.to(topic).value("refused")));
        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
        assertThat(e.getMessage()).contains("deduplication is off").contains(topic);
        producer.close();
        assertThat(read(topic, 0)).isEmpty();
    }

    @Test
    void atMostOnceIsNotOfferedBecausePulsarResendsAfterAReconnect() {
        MessagingException e = catchThrowableOfType(MessagingException.class,
                () -> producers.open(ProducerSettings.GUARANTEE, "at-most-once"));
        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
        assertThat(e.getMessage()).contains("at-most-once");
    }

    @Test
    void aNonPersistentTopicIsRefusedBecauseItAcknowledgesWithoutStoring() {
        Producer<String> producer = producers.open();
        CompletableFuture<Receipt> sent = producer.sendAsync(
                Message.to("non-persistent://public/default/" + unique("volatile")).value("v"));
        MessagingException e = catchThrowableOfType(MessagingException.class, () -> producer.send(
                Message.to("non-persistent://public/default/" + unique("volatile")).value("v")));
        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
        assertThat(sent).isCompletedExceptionally();
    }

    /**
     * Sends "before", then "once" while the proxy drops the broker's answers, waits until the broker has stored
     * "once", breaks the connection (the client reconnects and resends "once", which it never saw acknowledged),
     * sends "after", and returns what a consumer reads.
     */
    private java.util.List<String> sendThroughALostAcknowledgement(String topic, String guarantee) throws Exception {
        try (FaultyProxy proxy = FaultyProxy.socks5()) {
            // "once" must still be pending when its storing is seen, which can take up to the patience (15 s) on a
            // loaded machine; a delivery timeout of 60 s (Pulsar's send timeout 59 s) cannot run out before that
            Producer<String> producer = producers.open(ProducerSettings.GUARANTEE, guarantee,
                    ProducerSettings.DELIVERY_TIMEOUT, "60s", ProducerSettings.LINGER, "0",
                    "pulsar.client.socks5ProxyAddress", proxy.address());
            producer.send(Message.to(topic).key("k").value("before"));
            proxy.fault(Fault.SWALLOW_REPLIES);
            CompletableFuture<Receipt> once = producer.sendAsync(Message.to(topic).key("k").value("once"));
            await("the broker stores 'once'").atMost(PATIENCE).until(() -> values(read(topic, 2)).contains("once"));
            assertThat(once).as("'once' while its acknowledgement is lost").isNotDone();
            proxy.fault(Fault.PASS);
            proxy.cut();
            assertThat(once).as("'once' after the client resent it").succeedsWithin(PATIENCE);
            lastResend = once;
            producer.send(Message.to(topic).key("k").value("after"));
            return values(read(topic, 3));
        }
    }
}
