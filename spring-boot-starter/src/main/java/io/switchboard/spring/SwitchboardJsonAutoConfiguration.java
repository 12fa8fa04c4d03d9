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
package io.switchboard.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.Serializer;
import io.switchboard.json.JsonSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * JSON values for the producers when switchboard-json and Jackson are on the class path and the application has
 * no {@link Serializer} bean of its own. switchboard-json is built on Jackson 2: it uses the application's Jackson 2
 * {@link ObjectMapper} bean if there is one (Spring Boot 4 makes one only with spring-boot-jackson2), otherwise its
 * own mapper with the Jackson 2 modules on the class path; Spring Boot 4's Jackson 3 {@code JsonMapper} and the
 * {@code spring.jackson.*} settings do not apply. {@code switchboard.serializer=bytes} turns it off.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson2.autoconfigure.Jackson2AutoConfiguration")
@ConditionalOnClass({JsonSerializer.class, ObjectMapper.class})
@ConditionalOnProperty(name = "switchboard.serializer", havingValue = "json", matchIfMissing = true)
public class SwitchboardJsonAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(Serializer.class)
    Serializer<Object> switchboardJsonSerializer(ObjectProvider<ObjectMapper> mapper) {
        ObjectMapper applicationMapper = mapper.getIfUnique();
        return applicationMapper == null ? JsonSerializer.json() : JsonSerializer.json(applicationMapper);
    }
}
