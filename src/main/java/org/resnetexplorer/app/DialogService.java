package org.resnetexplorer.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Every question the app asks the user through a modal dialog. An interface so that the view
 * model's file logic runs in tests with scripted answers (native file choosers cannot run under
 * the headless test toolkit).
 */
public interface DialogService {

    Optional<Path> chooseFileToOpen(Path initialDirectory);

    Optional<Path> chooseFileToSave(Path initialDirectory, String suggestedName);

    UnsavedChoice askSaveChanges(String documentName);

    void showError(String title, String message);
}
