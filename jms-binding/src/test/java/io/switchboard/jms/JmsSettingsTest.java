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
package io.switchboard.jms;

import io.switchboard.Capability;
import io.switchboard.MessagingException;
import io.switchboard.ProducerBuilder;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.Serializers;
import io.switchboard.Switchboard;
import io.switchboard.spi.BindingConfig;
import io.switchboard.spi.DeadlineMargin;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The jms.* keys are checked before anything connects; no broker is needed to see them refused. */
class JmsSettingsTest {
    private static final String SECRET = "s3cret-Value-91";
    /** A factory that is never asked for a connection in these tests. */
    private static final ConnectionFactory UNUSED = new ActiveMQConnectionFactory("tcp://127.0.0.1:1");

    @Test
    void unknownKeysAreNamed() {
        MessagingException e = refused(builder().property("jms.sesions", "2"));
        assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("jms.sesions").contains("did you mean 'jms.sessions'");
    }

    @Test
    void sessionsMustBeANumberFromOneTo64() {
        for (String bad : new String[]{"0", "65", "many"}) {
            MessagingException e = refused(builder().property("jms.sessions", bad));
            assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("jms.sessions=" + bad);
        }
    }

    @Test
    void aPasswordNeedsAUser() {
        MessagingException e = refused(builder().property("jms.password", SECRET));
        assertThat(e.getMessage()).contains("jms.user").doesNotContain(SECRET);
    }

    @Test
    void theFactoryComesFromCodeOrJndiNotBothNorNeither() {
        MessagingException neither = refused(Switchboard.builder(Serializers.string()).property(ProducerSettings.BINDING, "jms"));
        assertThat(neither.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(neither.getMessage()).contains("resource(ConnectionFactory.class").contains("jms.jndi.");

        MessagingException both = refused(builder()
                .property("jms.jndi.java.naming.factory.initial", "org.apache.activemq.jndi.ActiveMQInitialContextFactory"));
        assertThat(both.getMessage()).contains("both");
    }

    @Test
    void aJndiSetUpThatFailsIsInvalidAndNamesTheKeys() {
        MessagingException e = refused(Switchboard.builder(Serializers.string())
                .property(ProducerSettings.BINDING, "jms")
                .property("jms.jndi.java.naming.factory.initial", "com.example.NoSuchContextFactory")
                .property("jms.jndi.java.naming.security.credentials", SECRET));
        assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("jms.jndi.").contains("ConnectionFactory").doesNotContain(SECRET);
    }

    @Test
    void jndiSwitchesThatMakePersistentSendsAsynchronousContradictAtLeastOnce() {
        MessagingException e = refused(Switchboard.builder(Serializers.string())
                .property(ProducerSettings.BINDING, "jms")
                .property("jms.jndi.java.naming.factory.initial", "org.apache.activemq.jndi.ActiveMQInitialContextFactory")
                .property("jms.jndi.java.naming.provider.url", "tcp://127.0.0.1:1?jms.useAsyncSend=true&jms.password=" + SECRET));
        assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("useAsyncSend=true").contains("at-least-once").doesNotContain(SECRET);
    }

    @Test
    void compressionAndEffectivelyOnceAreUnsupported() {
        assertThat(refused(builder().property(ProducerSettings.COMPRESSION, "gzip")).reason()).isEqualTo(Reason.UNSUPPORTED);
        MessagingException once = refused(builder().property(ProducerSettings.GUARANTEE, "effectively-once"));
        assertThat(once.reason()).isEqualTo(Reason.UNSUPPORTED);
        assertThat(once.getMessage()).contains("effectively-once");
    }

    @Test
    void toStringNeverShowsSecrets() {
        BindingConfig config = new BindingConfig(ProducerSettings.defaults(), "jms", Map.of(
                "user", "app", "password", SECRET,
                "jndi.java.naming.provider.url", "tcp://h:61616?password=" + SECRET + "&x=1",
                "jndi.connectionFactory.cf", "tcp://app:" + SECRET + "@h:61616",
                "jndi.java.naming.security.credentials", SECRET), Map.of());
        JmsSettings settings = JmsSettings.from(config);
        assertThat(settings.toString()).doesNotContain(SECRET).contains("****");
        assertThat(config.toString()).doesNotContain(SECRET);
        assertThat(settings.secrets().scrub("failed for tcp://app:" + SECRET + "@h")).doesNotContain(SECRET);
    }

    @Test
    void theDeadlineMarginIsTheSharedRuleOfTheDeliveryTimeout() {
        for (String timeout : new String[]{"500ms", "3s", "30s"}) {
            ProducerSettings neutral = ProducerSettings.from(Map.of(ProducerSettings.DELIVERY_TIMEOUT, timeout));
            JmsSettings settings = JmsSettings.from(new BindingConfig(neutral, "jms", Map.of(), Map.of()));
            assertThat(settings.deadlineMarginNanos()).as(timeout)
                    .isEqualTo(DeadlineMargin.nanos(neutral.deliveryTimeout()));
        }
    }

    @Test
    void claimsOnlyWhatEveryTestedProviderHonours() {
        assertThat(new JmsBindingProvider().capabilities()).containsExactlyInAnyOrder(Capability.QUEUES,
                Capability.PRIORITY, Capability.TIME_TO_LIVE, Capability.AT_MOST_ONCE);
    }

    private static ProducerBuilder<String> builder() {
        return Switchboard.builder(Serializers.string())
                .property(ProducerSettings.BINDING, "jms")
                .resource(ConnectionFactory.class, UNUSED);
    }

    private static MessagingException refused(ProducerBuilder<String> builder) {
        Throwable e = catchThrowable(builder::build);
        assertThat(e).isInstanceOf(MessagingException.class);
        return (MessagingException) e;
    }
}
