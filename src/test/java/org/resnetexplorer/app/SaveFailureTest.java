package org.resnetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.model.Presets;
import org.resnetexplorer.model.SpecJson;

/**
 * Saving goes through {@link SpecJson#write} (a temporary file moved into place): when the
 * folder cannot be written, the file saved before is left whole and the teacher is told why.
 */
class SaveFailureTest {

    @TempDir
    Path dir;

    @Test
    void aFailedSaveKeepsTheOldFileAndSaysWhy() throws Exception {
        Path file = dir.resolve("lesson.resnet.json");
        SpecJson.write(Presets.get("resnet20"), file);
        String before = Files.readString(file);
        TestSettings prefs = new TestSettings();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        MainViewModel vm = new MainViewModel(Presets.get("resnet20"), dialogs, prefs.settings());
        try {
            assertTrue(vm.openFile(file));
            vm.addBlockAfterSelection(org.resnetexplorer.model.BlockKind.BASIC);
            assertTrue(vm.document().isDirty());
            ReadOnly.lock(dir);
            assumeTrue(ReadOnly.isLocked(dir), "cannot make a folder read-only here");

            assertFalse(vm.save());

            assertEquals(before, Files.readString(file), "old file intact");
            assertEquals(1, dialogs.errors.size());
            assertTrue(dialogs.errors.get(0).startsWith("Cannot save network: "),
                    dialogs.errors.get(0));
            assertFalse(dialogs.errors.get(0).contains("Exception"), "no class names");
            assertTrue(vm.document().isDirty(), "the edit is not lost either");
            try (var left = Files.list(dir)) {
                assertEquals(1, left.count(), "no temporary file left behind");
            }
        } finally {
            ReadOnly.unlock(dir);
            prefs.remove();
        }
        assertEquals(Presets.get("resnet20"), SpecJson.read(file));
    }

    /**
     * Permission bits do not stop root (these machines run tests as root): the immutable
     * attribute does, where chattr is allowed.
     */
    private static final class ReadOnly {

        static void lock(Path dir) throws IOException, InterruptedException {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
            if (!isLocked(dir)) {
                run("chattr", "+i", dir.toString());
            }
        }

        static void unlock(Path dir) throws IOException, InterruptedException {
            run("chattr", "-i", dir.toString());
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        static boolean isLocked(Path dir) {
            try {
                Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
                return false;
            } catch (IOException e) {
                return true;
            }
        }

        private static void run(String... command) throws InterruptedException {
            try {
                new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (IOException e) {
                // no chattr: the test is skipped by its assumption
            }
        }
    }
}
