package org.yinling.elder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.region.RegionScope;

import static org.assertj.core.api.Assertions.assertThat;

/** Penetration test finding L2: eight parallel uploads of one user cannot all pass the count of imports being read. */
@SpringBootTest
class ImportStartLimitTest {

    @Autowired
    ElderImportStore store;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void noImportLeftReading() {
        jdbc.sql("UPDATE elder_import SET state = 'FAILED' WHERE state = 'READING' AND created_by LIKE 'limits.%'")
                .update();
    }

    @Test
    void eightParallelStartsOfOneUserCreateTwo() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ElderImportStore.Either>> starts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            starts.add(pool.submit(() -> {
                go.await();
                return store.create("limits.xlsx", ImportMode.SKIP, new RegionScope("330105001001"),
                        "limits.parallel", 2, 4);
            }));
        }
        go.countDown();
        List<ElderImportStore.Either> results = new ArrayList<>();
        for (Future<ElderImportStore.Either> start : starts) {
            results.add(start.get());
        }
        pool.shutdown();
        assertThat(results.stream().filter(r -> r.id() != null)).hasSize(2);
        assertThat(results.stream().filter(r -> r.id() == null)).allMatch(r -> r.busy() == ElderImportStore.Busy.USER);
        assertThat(jdbc.sql("SELECT count(*) FROM elder_import WHERE created_by = 'limits.parallel' AND state = 'READING'")
                .query(Integer.class).single()).isEqualTo(2);
    }
}
