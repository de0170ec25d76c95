package dev.ferry.local.mgn;

import dev.ferry.local.mgn.model.MgnTimings;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mgn.model.JobStatus;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static dev.ferry.local.mgn.TestEnvironment.serverId;
import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTest {

    private static final int SERVERS = 20;

    @Test
    void concurrent_api_calls_from_many_threads_each_get_their_own_job() throws Exception {
        TestEnvironment environment = TestEnvironment.initialized().bandwidthMbps(1000);
        IntStream.rangeClosed(1, SERVERS).forEach(n -> environment.server(n, 1));
        try (MgnTestRig rig = MgnTestRig.of(environment);
             ExecutorService callers = Executors.newFixedThreadPool(8)) {
            rig.advance(Duration.ofHours(1));

            List<Callable<String>> starts = IntStream.rangeClosed(1, SERVERS)
                    .mapToObj(n -> (Callable<String>) () ->
                            rig.mgn.startTest(r -> r.sourceServerIDs(serverId(n))).job().jobID())
                    .toList();
            List<Future<String>> jobIds = callers.invokeAll(starts);
            rig.advance(MgnTimings.launchJobDuration());

            assertThat(jobIds).extracting(Future::get).doesNotHaveDuplicates().hasSize(SERVERS);
            assertThat(rig.mgn.describeJobs(r -> { }).items())
                    .allSatisfy(job -> assertThat(job.status()).isEqualTo(JobStatus.COMPLETED));
            assertThat(rig.simulator.launchedInstances()).hasSize(SERVERS);
        }
    }
}
