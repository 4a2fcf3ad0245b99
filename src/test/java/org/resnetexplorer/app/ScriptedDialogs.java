package org.resnetexplorer.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A dialog service that answers from fields set by the test and records the errors shown. */
final class ScriptedDialogs implements DialogService {

    Path openAnswer;
    Path saveAnswer;
    UnsavedChoice unsavedAnswer = UnsavedChoice.CANCEL;
    int unsavedAsked;
    final List<String> errors = new ArrayList<>();

    @Override
    public Optional<Path> chooseFileToOpen(Path initialDirectory) {
        return Optional.ofNullable(openAnswer);
    }

    @Override
    public Optional<Path> chooseFileToSave(Path initialDirectory, String suggestedName) {
        return Optional.ofNullable(saveAnswer);
    }

    @Override
    public UnsavedChoice askSaveChanges(String documentName) {
        unsavedAsked++;
        return unsavedAnswer;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }
}
