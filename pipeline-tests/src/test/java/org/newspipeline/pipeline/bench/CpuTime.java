package org.newspipeline.pipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * CPU seconds as Linux counts them ({@code /proc}): used by some processes, by this JVM and by the
 * whole machine, so that a benchmark can say which process took the cores during a phase.
 */
record CpuTime(double[] processes, double self, double machineBusy, long nanoTime) {

    /** USER_HZ: the kernel reports CPU time in these ticks; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    /** Now, for the processes {@code pids} and for this JVM. */
    static CpuTime now(long... pids) {
        return new CpuTime(Arrays.stream(pids).mapToDouble(CpuTime::processSeconds).toArray(),
                processSeconds(ProcessHandle.current().pid()), machineBusySeconds(), System.nanoTime());
    }

    /** Cores used since {@code before}: one figure per process, then this JVM's, then the whole machine's. */
    double[] coresSince(CpuTime before) {
        double seconds = (nanoTime - before.nanoTime) / 1e9;
        double[] cores = new double[processes.length + 2];
        for (int i = 0; i < processes.length; i++) {
            cores[i] = (processes[i] - before.processes[i]) / seconds;
        }
        cores[processes.length] = (self - before.self) / seconds;
        cores[processes.length + 1] = (machineBusy - before.machineBusy) / seconds;
        return cores;
    }
    /** utime + stime: fields 14 and 15 of /proc/PID/stat, counted after the command name's closing parenthesis. */
    private static double processSeconds(long pid) {
        String stat = read(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** All CPUs' time minus idle and iowait, from the first line of /proc/stat. */
    private static double machineBusySeconds() {
        long[] t = Arrays.stream(read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+"))
                .skip(1).limit(8).mapToLong(Long::parseLong).toArray();
        return (Arrays.stream(t).sum() - t[3] - t[4]) / TICKS_PER_SECOND;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("CPU time needs Linux's /proc: " + e.getMessage(), e);
        }
    }
}
