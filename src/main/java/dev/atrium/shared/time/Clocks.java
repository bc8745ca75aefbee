package dev.atrium.shared.time;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every module reads the time from, in UTC, so that tests can set the time and nothing else drifts. */
@Configuration(proxyBeanMethods = false)
class Clocks {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
