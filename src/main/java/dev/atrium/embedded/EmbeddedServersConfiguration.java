package dev.atrium.embedded;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

@Configuration(proxyBeanMethods = false)
class EmbeddedServersConfiguration {

    /**
     * Connection pools close before the servers they talk to stop: otherwise a Ctrl-C would log a screen of
     * connection errors while the pool shuts down.
     */
    @Bean
    static BeanFactoryPostProcessor connectionPoolsDependOnEmbeddedServers() {
        return beanFactory -> {
            if (!beanFactory.containsSingleton(EmbeddedServers.BEAN_NAME)) {
                return;
            }
            for (Class<?> type : new Class<?>[] {DataSource.class, RedisConnectionFactory.class}) {
                for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
                    dependOnServers(beanFactory, name);
                }
            }
        };
    }

    /** The servers start in the background while the context starts; the first connection pool waits for them. */
    @Bean
    static BeanPostProcessor connectionPoolsWaitForEmbeddedServers(ConfigurableListableBeanFactory beanFactory) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if ((bean instanceof DataSource || bean instanceof RedisConnectionFactory)
                        && beanFactory.containsSingleton(EmbeddedServers.BEAN_NAME)) {
                    beanFactory
                            .getBean(EmbeddedServers.BEAN_NAME, EmbeddedServers.class)
                            .awaitReady();
                }
                return bean;
            }
        };
    }

    private static void dependOnServers(ConfigurableListableBeanFactory beanFactory, String name) {
        String definitionName = name.startsWith("&") ? name.substring(1) : name;
        if (!beanFactory.containsBeanDefinition(definitionName)) {
            return;
        }
        BeanDefinition definition = beanFactory.getBeanDefinition(definitionName);
        Set<String> dependsOn = new LinkedHashSet<>();
        if (definition.getDependsOn() != null) {
            dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
        }
        dependsOn.add(EmbeddedServers.BEAN_NAME);
        definition.setDependsOn(dependsOn.toArray(String[]::new));
    }
}
