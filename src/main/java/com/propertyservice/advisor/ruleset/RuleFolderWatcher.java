package com.propertyservice.advisor.ruleset;

import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.system.AdvisorProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * With {@code advisor.rules.activation=watch} (otherwise it stays idle): watches the rules folder and its
 * sub-folders and activates what trainers save, through the same gate as a reload.
 *
 * <p>Editors save in several steps (a temporary file, a half-written file, a rename), Excel and WPS
 * leave lock files. So the folder is loaded only when it has been quiet for the debounce period
 * <em>and</em> its content hash is the same as after the previous quiet period; lock and temporary
 * files are ignored altogether.
 */
@Component
class RuleFolderWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RuleFolderWatcher.class);

    private final RuleSetService service;
    private final Path root;
    private final Duration debounce;
    private final boolean enabled;
    private volatile boolean running;
    private WatchService watchService;
    private Thread thread;

    RuleFolderWatcher(RuleSetService service, AdvisorProperties properties) {
        this.service = service;
        this.root = properties.rulesDir().toAbsolutePath().normalize();
        this.debounce = properties.rules().debounce();
        this.enabled = properties.rules().activation() == AdvisorProperties.Rules.Activation.WATCH;
    }

    @Override
    public synchronized void start() {
        if (running || !enabled) {
            return;
        }
        if (!Files.isDirectory(root)) {
            log.warn("advisor.rules.activation=watch but the rules folder {} does not exist; nothing to watch", root);
            return;
        }
        try {
            watchService = FileSystems.getDefault().newWatchService();
            registerTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the rules folder " + root, e);
        }
        running = true;
        thread = new Thread(this::watch, "rules-folder-watcher");
        thread.setDaemon(true);
        thread.start();
        log.info("watching {} for rule changes (debounce {})", root, debounce);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                log.debug("closing the watch service", e);
            }
        }
        interruptAndWait(thread);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops a background loop of this package: interrupts it and waits up to 5 s for it to end. */
    static void interruptAndWait(Thread thread) {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watch() {
        long lastChange = -1; // System.nanoTime() of the last relevant event, -1 when nothing is pending
        String lastHash = null;
        long quietNanos = Math.max(1, debounce.toNanos());
        while (running) {
            try {
                WatchKey key = lastChange < 0
                        ? watchService.take()
                        : watchService.poll(Math.max(10, debounce.toMillis() / 4), TimeUnit.MILLISECONDS);
                if (key != null) {
                    if (relevant(key)) {
                        lastChange = System.nanoTime();
                        lastHash = null;
                    }
                    continue;
                }
                if (System.nanoTime() - lastChange < quietNanos) {
                    continue;
                }
                RuleFiles files = RuleFiles.fromDirectory(root);
                String hash = files.sha256();
                if (!hash.equals(lastHash)) {
                    // quiet, but is the content settled? look again after one more quiet period
                    lastHash = hash;
                    lastChange = System.nanoTime();
                    continue;
                }
                lastChange = -1;
                lastHash = null;
                service.activateFromWatcher(files);
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                // a file vanished mid-read, a folder is locked ...: try again after another quiet period
                log.warn("reading the rules folder failed ({}); trying again", e.getMessage());
                lastChange = System.nanoTime();
                lastHash = null;
            }
        }
    }

    private boolean relevant(WatchKey key) {
        boolean relevant = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            String relative = root.relativize(child).toString().replace('\\', '/');
            if (RuleFiles.isEditorLeftover(relative)) {
                continue;
            }
            relevant = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
                try {
                    registerTree(child);
                } catch (IOException e) {
                    log.warn("cannot watch new folder {}: {}", child, e.getMessage());
                }
            }
        }
        key.reset();
        return relevant;
    }

    private void registerTree(Path start) throws IOException {
        try (Stream<Path> dirs = Files.walk(start)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                if (dir.equals(root)
                        || !RuleFiles.isEditorLeftover(
                                root.relativize(dir).toString().replace('\\', '/'))) {
                    dir.register(
                            watchService,
                            StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        }
    }
}
