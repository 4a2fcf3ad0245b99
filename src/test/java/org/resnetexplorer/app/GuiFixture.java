package org.resnetexplorer.app;

import javafx.stage.Stage;
import org.resnetexplorer.model.Presets;

/** The main window as the GUI tests of other packages build it (ResNet-20, stub engine line). */
public final class GuiFixture implements AutoCloseable {

    private final TestSettings prefs = new TestSettings();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    public MainViewModel viewModel() {
        dialogs.unsavedAnswer = UnsavedChoice.DISCARD;
        return new MainViewModel(Presets.get("resnet20"), dialogs, prefs.settings());
    }

    public MainController show(Stage stage, MainViewModel vm) {
        MainController window = MainWindow.show(stage, vm);
        vm.probeEngine(Runnable::run, () -> "Stub engine · CPU");
        return window;
    }

    @Override
    public void close() {
        prefs.remove();
    }
}
