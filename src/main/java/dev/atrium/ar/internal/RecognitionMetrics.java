package dev.atrium.ar.internal;

import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RecognitionMetrics {

    static final int MAX_PROJECTS = 1000;

    /**
     * Each project tag value is a timer pair kept in memory for good, and a series more in Prometheus: anyone may make
     * projects, so without a bound they could grow both without end. Past {@value #MAX_PROJECTS} projects on a replica,
     * further projects' recognitions are served but not timed.
     */
    @Bean
    MeterFilter recognitionProjectsBound() {
        return MeterFilter.maximumAllowableTags(TargetRecognition.METRIC, "project", MAX_PROJECTS, MeterFilter.deny());
    }
}
