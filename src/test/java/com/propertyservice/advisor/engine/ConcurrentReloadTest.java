package com.propertyservice.advisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.SampleRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Reloads while several threads ask for advice: no call fails and no advice mixes two rule sets
 * (its quality dimension always matches the version it names).
 */
class ConcurrentReloadTest {

    @Test
    void reloadUnderConcurrentAdviceNeverFailsACallNorMixesRuleSets() throws Exception {
        RuleFiles assurance = SampleRules.files();
        String csv = SampleRules.text(SampleRules.CATALOGUE)
                .replace("\"CUSTOMER_SERVICE, EXPECTED, ASSURANCE\"", "\"CUSTOMER_SERVICE, EXPECTED, EMPATHY\"");
        RuleFiles empathy = SampleRules.with(SampleRules.CATALOGUE, csv);
        RuleFiles broken = SampleRules.with(SampleRules.DRL, SampleRules.UNPARSABLE_DRL);
        Map<String, QualityDimension> dimensionOfVersion = Map.of(
                assurance.version(), QualityDimension.ASSURANCE,
                empathy.version(), QualityDimension.EMPATHY);

        Advisor advisor = Advisor.fromFiles(assurance);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger calls = new AtomicInteger();
        Map<String, Integer> perVersion = new ConcurrentHashMap<>();
        List<String> mixed = Collections.synchronizedList(new ArrayList<>());
        int threads = 4;
        CountDownLatch started = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                started.countDown();
                while (running.get()) {
                    Advice advice = advisor.advise(SampleRules.CALM_STAFF); // an exception here fails the future
                    calls.incrementAndGet();
                    perVersion.merge(advice.ruleSetVersion(), 1, Integer::sum);
                    if (dimensionOfVersion.get(advice.ruleSetVersion()) != advice.qualityDimension()) {
                        mixed.add(advice.ruleSetVersion() + " gave " + advice.qualityDimension());
                    }
                }
                return null;
            }));
        }
        started.await();
        List<ReloadResult> reloads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reloads.add(advisor.activate(i % 3 == 0 ? empathy : i % 3 == 1 ? broken : assurance));
        }
        running.set(false);
        for (Future<?> worker : workers) {
            worker.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(reloads).extracting(ReloadResult::activated).containsExactly(true, false, true, true, false, true);
        assertThat(mixed).isEmpty();
        assertThat(calls.get()).isGreaterThan(0);
        assertThat(perVersion.keySet()).isSubsetOf(dimensionOfVersion.keySet()).hasSize(2);
        assertThat(advisor.version()).isEqualTo(assurance.version());
    }
}
