package org.yinling.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * After a start, resumes every batch left GENERATING by a crash or a restart. A batch another node is still
 * generating is skipped: its advisory lock is held.
 */
@Component
class GenerationRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GenerationRecovery.class);

    private final BatchStore batches;
    private final BatchGenerator generator;

    GenerationRecovery(BatchStore batches, BatchGenerator generator) {
        this.batches = batches;
        this.generator = generator;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (long id : batches.generating()) {
            log.info("Resuming the generation of payment batch {}", id);
            generator.generateInBackground(id);
        }
    }
}
