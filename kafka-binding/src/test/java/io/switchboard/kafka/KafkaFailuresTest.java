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
package io.switchboard.kafka;

import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.kafka.KafkaFailures.Evidence;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasAfterAppendException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reason table on its own: Kafka's exception and the evidence about the wire decide the reason. (Each row is
 * also provoked on the broker by the other tests where a broker can produce it; this pins the rows a broker
 * cannot produce on demand, such as a request that went out and got no answer.)
 */
class KafkaFailuresTest {
    private static final String EXPIRY = "Expiring 1 record(s) for t-0:1500 ms has passed since batch creation."
            + " The request has not been sent, or no server response has been received yet.";

    private static Reason reason(Exception error, Evidence evidence) {
        MessagingException translated = KafkaFailures.of(error, "t", evidence, false);
        assertThat(translated.getCause()).isSameAs(error);
        return translated.reason();
    }

    @Test
    @DisplayName("an expired batch is TIMEOUT only when nothing was written while Kafka had it")
    void expiryDependsOnTheEvidence() {
        TimeoutException expired = new TimeoutException(EXPIRY);
        assertThat(reason(expired, Evidence.NOTHING_SENT)).isEqualTo(Reason.TIMEOUT);
        assertThat(reason(expired, Evidence.SENT_WITHOUT_RETRIES)).isEqualTo(Reason.OUTCOME_UNKNOWN);
        assertThat(reason(expired, Evidence.SENT)).isEqualTo(Reason.OUTCOME_UNKNOWN);
    }

    @Test
    @DisplayName("a metadata wait that ends in an unknown topic is NOT_FOUND, otherwise TIMEOUT; neither was written")
    void metadataTimeouts() {
        TimeoutException missing = new TimeoutException("Topic t not present in metadata after 100 ms.",
                new UnknownTopicOrPartitionException("This server does not host this topic-partition."));
        assertThat(reason(missing, Evidence.NOT_APPENDED)).isEqualTo(Reason.NOT_FOUND);
        assertThat(reason(new TimeoutException("Topic t not present in metadata after 100 ms."), Evidence.NOT_APPENDED))
                .isEqualTo(Reason.TIMEOUT);
    }

    @Test
    @DisplayName("network errors and appends without enough replicas may have been written")
    void ambiguousFailuresAreOutcomeUnknown() {
        assertThat(reason(new NetworkException("disconnected"), Evidence.SENT)).isEqualTo(Reason.OUTCOME_UNKNOWN);
        assertThat(reason(new NetworkException("disconnected"), Evidence.SENT_WITHOUT_RETRIES)).isEqualTo(Reason.OUTCOME_UNKNOWN);
        assertThat(reason(new NotEnoughReplicasAfterAppendException("appended"), Evidence.SENT_WITHOUT_RETRIES))
                .isEqualTo(Reason.OUTCOME_UNKNOWN);
        assertThat(reason(new NetworkException("disconnected"), Evidence.NOTHING_SENT)).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    @DisplayName("a broker's refusal is 'not written' only if no earlier attempt could have written it")
    void refusalsAfterRetriesAreOutcomeUnknown() {
        NotEnoughReplicasException refused = new NotEnoughReplicasException("not enough replicas");
        assertThat(reason(refused, Evidence.SENT_WITHOUT_RETRIES)).isEqualTo(Reason.UNAVAILABLE);
        assertThat(reason(refused, Evidence.SENT)).isEqualTo(Reason.OUTCOME_UNKNOWN);
        UnknownTopicOrPartitionException gone = new UnknownTopicOrPartitionException("gone");
        assertThat(reason(gone, Evidence.SENT_WITHOUT_RETRIES)).isEqualTo(Reason.NOT_FOUND);
        assertThat(reason(gone, Evidence.SENT)).isEqualTo(Reason.OUTCOME_UNKNOWN);
    }

    @Test
    @DisplayName("refusals that repeat on every attempt keep their reason")
    void deterministicRefusals() {
        assertThat(reason(new RecordTooLargeException("big"), Evidence.SENT)).isEqualTo(Reason.TOO_LARGE);
        assertThat(reason(new TopicAuthorizationException("denied"), Evidence.SENT)).isEqualTo(Reason.PERMISSION_DENIED);
        assertThat(reason(new SaslAuthenticationException("wrong"), Evidence.NOTHING_SENT)).isEqualTo(Reason.UNAUTHENTICATED);
        assertThat(reason(new BufferExhaustedException("full"), Evidence.NOT_APPENDED)).isEqualTo(Reason.BUFFER_FULL);
    }

    @Test
    @DisplayName("records Kafka aborts because the producer closes are CLOSED only if nothing was sent")
    void abortsOnClose() {
        KafkaException aborted = new KafkaException("Producer is closed forcefully.");
        assertThat(KafkaFailures.of(aborted, "t", Evidence.NOTHING_SENT, true).reason()).isEqualTo(Reason.CLOSED);
        assertThat(KafkaFailures.of(aborted, "t", Evidence.SENT, true).reason()).isEqualTo(Reason.OUTCOME_UNKNOWN);
        assertThat(KafkaFailures.of(new IllegalStateException("Cannot perform operation after producer has been closed"),
                "t", Evidence.NOT_APPENDED, false).reason()).isEqualTo(Reason.CLOSED);
    }

    @Test
    @DisplayName("the wire counters prove 'nothing sent' only when they were read and did not move")
    void evidenceFromTheWireCounters() {
        WireActivity.Snapshot before = new WireActivity.Snapshot(1000, 2);
        assertThat(KafkaFailures.evidence(before, new WireActivity.Snapshot(1000, 2))).isEqualTo(Evidence.NOTHING_SENT);
        assertThat(KafkaFailures.evidence(before, new WireActivity.Snapshot(1500, 2))).isEqualTo(Evidence.SENT_WITHOUT_RETRIES);
        assertThat(KafkaFailures.evidence(before, new WireActivity.Snapshot(1500, 3))).isEqualTo(Evidence.SENT);
        assertThat(KafkaFailures.evidence(WireActivity.Snapshot.UNKNOWN, WireActivity.Snapshot.UNKNOWN)).isEqualTo(Evidence.SENT);
    }
}
