package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.Operation;
import io.github.vss4j.SimulatedVssTest;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One machine shared by several threads, each with its own BackupComponents: VSS allows one snapshot set in
 * creation at a time, so in each round exactly one StartSnapshotSet wins and the others get
 * VSS_E_SNAPSHOT_SET_IN_PROGRESS until the winner's DoSnapshotSet has ended.
 */
class SnapshotSetRaceTest extends SimulatedVssTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 20;

    @Test
    void exactlyOneOfSeveralThreadsWinsEachRound() throws Exception {
        Vss vss = vss(Simulation.withVolumes(C));
        CyclicBarrier ready = new CyclicBarrier(THREADS);
        CyclicBarrier tried = new CyclicBarrier(THREADS);
        CyclicBarrier done = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(() -> {
                    List<String> outcomes = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        try (BackupComponents backup = components(vss)) {
                            initialize(backup, VssContext.FILE_SHARE_BACKUP);
                            ready.await(BOUND.toSeconds(), TimeUnit.SECONDS);
                            boolean won;
                            try {
                                backup.startSnapshotSet();
                                won = true;
                            } catch (VssException e) {
                                outcomes.add(e.error().name());
                                won = false;
                            }
                            // The winner holds the set until every thread has tried: the outcome is certain.
                            tried.await(BOUND.toSeconds(), TimeUnit.SECONDS);
                            if (won) {
                                backup.addToSnapshotSet(C);
                                await(backup.doSnapshotSet());
                                outcomes.add("won");
                            }
                        }
                        // The next round starts once the winner has released its object and its copy.
                        done.await(BOUND.toSeconds(), TimeUnit.SECONDS);
                    }
                    return outcomes;
                }));
            }
            int wins = 0;
            int inProgress = 0;
            for (Future<List<String>> result : results) {
                for (String outcome : result.get(BOUND.toSeconds() * ROUNDS, TimeUnit.SECONDS)) {
                    if (outcome.equals("won")) {
                        wins++;
                    } else {
                        assertEquals(VssError.VSS_E_SNAPSHOT_SET_IN_PROGRESS.name(), outcome);
                        inProgress++;
                    }
                }
            }
            assertEquals(ROUNDS, wins, "one winner per round");
            assertEquals(ROUNDS * (THREADS - 1), inProgress);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS);
        }
        assertEquals(List.of(), machine(vss).existingSnapshots());
    }

    @Test
    void theLockIsHeldUntilDoSnapshotSetEndsThenFree() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).duration(Operation.DO_SNAPSHOT_SET, Duration.ofMinutes(5))
                .build());
        BackupComponents first = components(vss);
        BackupComponents second = components(vss);
        initialize(first, VssContext.FILE_SHARE_BACKUP);
        initialize(second, VssContext.FILE_SHARE_BACKUP);
        first.startSnapshotSet();
        first.addToSnapshotSet(C);
        try (VssAsync snapshot = first.doSnapshotSet()) {
            assertEquals(VssError.VSS_E_SNAPSHOT_SET_IN_PROGRESS,
                    assertThrows(VssException.class, second::startSnapshotSet).error());
            snapshot.cancel();
        }
        second.startSnapshotSet();
        second.abortBackup();
        first.abortBackup();
    }
}
