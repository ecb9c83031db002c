package org.yinling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class YinlingApplication {

    public static void main(String[] args) {
        SpringApplication.run(YinlingApplication.class, args);
    }
}
