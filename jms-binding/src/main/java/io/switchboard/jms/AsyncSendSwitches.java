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

import io.switchboard.spi.SecretMask;
import io.switchboard.DeliveryGuarantee;
import io.switchboard.MessagingException;
import io.switchboard.ProducerSettings;
import io.switchboard.Reason;
import io.switchboard.spi.BindingConfig;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Refuses JNDI configurations that would make the binding report messages as acknowledged that the broker never
 * confirmed. At-least-once relies on the provider sending persistent messages synchronously, which both ActiveMQ
 * clients do unless told otherwise; the switches that tell them otherwise are recognised by their text in the
 * JNDI values (the binding does not load provider classes), so a factory given in code is the user's to check.
 */
final class AsyncSendSwitches {
    /** ActiveMQ Classic ({@code jms.useAsyncSend=true}) and Artemis ({@code blockOnDurableSend=false}). */
    private static final Pattern ASYNC_DURABLE_SEND = Pattern.compile(
            "(?i)(?:\\buseAsyncSend\\s*=\\s*true|\\bblockOnDurableSend\\s*=\\s*false)");

    private AsyncSendSwitches() {
    }

    static void requireSynchronous(DeliveryGuarantee guarantee, Map<String, String> jndi, BindingConfig config,
                                   SecretMask secrets) {
        if (guarantee != DeliveryGuarantee.AT_LEAST_ONCE) {
            return;
        }
        for (Map.Entry<String, String> entry : jndi.entrySet()) {
            if (ASYNC_DURABLE_SEND.matcher(entry.getValue()).find()) {
                throw new MessagingException(Reason.INVALID_ARGUMENT, "'" + config.fullKey(JmsSettings.JNDI_PREFIX
                        + entry.getKey()) + "=" + secrets.scrub(entry.getValue()) + "' makes the provider send persistent"
                        + " messages without waiting for the broker, which contradicts '" + ProducerSettings.GUARANTEE
                        + "=at-least-once' (a send would be reported acknowledged before the broker had it); remove"
                        + " the switch, or use at-most-once");
            }
        }
    }
}
