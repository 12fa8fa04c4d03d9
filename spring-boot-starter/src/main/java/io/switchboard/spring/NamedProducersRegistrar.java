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

import io.switchboard.Producer;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers a bean {@code <name>Producer} for each {@code switchboard.producers.<name>}, injected with
 * {@code @Qualifier("auditProducer")}: without the qualifier, the application producer (primary) is injected.
 */
class NamedProducersRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {
    private Environment environment;
    private BeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Map<String, ProducerProperties> named = Binder.get(environment)
                .bind("switchboard.producers", Bindable.mapOf(String.class, ProducerProperties.class))
                .orElse(Map.of());
        for (String name : named.keySet()) {
            String beanName = name + "Producer";
            if (name.equals("switchboard") || registry.containsBeanDefinition(beanName)) {
                throw new IllegalStateException("switchboard.producers." + name + " would be the bean '" + beanName
                        + "', which " + (name.equals("switchboard") ? "is the application producer's name"
                        : "the application already defines") + "; give that producer another name");
            }
            RootBeanDefinition definition = new RootBeanDefinition(Producer.class,
                    () -> beanFactory.getBean(SwitchboardProducers.class).named(name));
            definition.setDependsOn("switchboardProducers");
            definition.setDestroyMethodName(""); // closed by SwitchboardProducers, after every bean that uses it
            registry.registerBeanDefinition(beanName, definition);
        }
    }
}
