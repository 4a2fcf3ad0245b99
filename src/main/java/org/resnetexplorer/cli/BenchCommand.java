package org.resnetexplorer.cli;

import ai.djl.engine.Engine;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.resnetexplorer.engine.Benchmark;
import org.resnetexplorer.engine.Devices;
import org.resnetexplorer.engine.Engines;
import org.resnetexplorer.model.InvalidSpecException;
import org.resnetexplorer.model.NetworkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Time inference (or a training step) of a network built"
        + " by the engine: median of repeated runs after warm-up.")
class BenchCommand extends BaseCommand {

    @Option(names = "--arch", required = true, paramLabel = "NAME|FILE")
    String arch;

    @Option(names = "--batch", defaultValue = "1")
    int batch;

    @Option(names = "--train", description = "Time a training step instead of inference.")
    boolean train;

    @Option(names = "--probe", description = "Time a probe of the network and its plain twin"
            + " (all layers forward, and forward+backward for gradients).")
    boolean probe;

    @Option(names = "--memory", description = "Classify 2000 times and probe 20 times at batch"
            + " 32; report the growth of resident memory after the first 100.")
    boolean memory;

    @Option(names = "--input", paramLabel = "C,H,W", description = "Input shape (default: the"
            + " network's own).")
    String input;

    @Option(names = "--imperative", description = "Time inference through the block-by-block"
            + " network that probes use instead of the fused graph that classification uses.")
    boolean imperative;

    @Option(names = "--plain", description = "Time the plain twin.")
    boolean plain;

    @Option(names = "--threads", paramLabel = "N", description = "CPU threads for the engine's"
            + " kernels (default: one per core, or OMP_NUM_THREADS).")
    Integer threads;

    @Option(names = "--warmup", defaultValue = "3")
    int warmup;

    @Option(names = "--runs", defaultValue = "10")
    int runs;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        if (batch < 1 || runs < 1 || warmup < 0) {
            throw new UserInputException("--batch and --runs must be at least 1, --warmup 0 or"
                    + " more");
        }
        if (threads != null && threads < 1) {
            throw new UserInputException("--threads must be at least 1");
        }
        if (threads != null && !Engines.useThreads(threads)) {
            err().println("note: the engine had already started; --threads is ignored");
        }
        NetworkSpec spec = Inputs.arch(arch);
        if (input != null) {
            spec = spec.withInput(Inputs.shape(input));
        }
        if (plain) {
            spec = spec.plainTwin();
        }
        Engine engine = engineOptions.engine();
        Devices.Choice device = engineOptions.device(engine);
        progress(String.format(Locale.ROOT, "bench %s %s, batch %d, %s on %s%s: %d warm-up + %d"
                + " timed runs", spec.name(), spec.input(), batch, engine.getEngineName(),
                device.describe(), device.device().isGpu() ? ""
                        : ", " + Engines.threads() + " threads", warmup, runs));
        if (memory) {
            return memory(spec, engine, device);
        }
        Benchmark.Result r;
        try {
            r = probe ? Benchmark.probe(spec, engine, device.device(), batch, warmup, runs)
                    : Benchmark.run(spec, engine, device.device(), batch, train, imperative,
                            warmup, runs);
        } catch (InvalidSpecException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("arch", spec.name());
            m.put("batch", batch);
            m.put("engine", r.engine());
            m.put("device", r.device().isGpu() ? "gpu" : "cpu");
            m.put("threads", Engines.threads());
            m.put("train", train);
            m.put("probe", probe);
            m.put("fused", r.fused());
            m.put("msPerBatch", r.medianMillis());
            m.put("imagesPerSecond", r.imagesPerSecond());
            m.put("input", spec.input().asList());
            m.put("runsMs", r.millis());
            printJson(m);
        } else {
            out().printf(Locale.ROOT, "%s %s batch %d (%s, %s): %.2f ms per batch, %.1f images/s"
                    + " (median of %d)%n", spec.name(), probe ? "probe of it and its plain twin"
                    : train ? "training step" : r.fused() ? "inference (fused graph)"
                    : "inference",
                    batch, r.engine(), r.device().isGpu() ? "gpu" : "cpu", r.medianMillis(),
                    r.imagesPerSecond(), runs);
            out().flush();
        }
        return ExitCodes.OK;
    }

    private Integer memory(NetworkSpec spec, Engine engine, Devices.Choice device) {
        Benchmark.MemoryResult m = Benchmark.memory(spec, engine, device.device(), 2000, 20);
        if (json()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("arch", spec.name());
            j.put("engine", engine.getEngineName());
            j.put("device", device.device().isGpu() ? "gpu" : "cpu");
            j.put("rssAfterWarmupMb", m.rssAfterWarmupMb());
            j.put("classifyGrowthMb", m.classifyGrowthMb());
            j.put("probeGrowthMb", m.probeGrowthMb());
            j.put("classifications", m.classifications());
            j.put("probes", m.probes());
            j.put("heapPreTouched", m.heapPreTouched());
            printJson(j);
        } else {
            out().printf(Locale.ROOT, "%s: resident memory %.0f MB after 100 classifications;"
                    + " outside the Java heap +%.1f MB after %d, then +%.1f MB after %d probes"
                    + " (batch 32)%s%n",
                    spec.name(), m.rssAfterWarmupMb(), m.classifyGrowthMb(),
                    m.classifications(), m.probeGrowthMb(), m.probes(),
                    m.heapPreTouched() ? "" : "; heap not pre-touched, so heap pages the JVM"
                            + " touches for the first time count too (for the native figure"
                            + " alone: java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -jar ...)");
            out().flush();
        }
        return ExitCodes.OK;
    }
}
