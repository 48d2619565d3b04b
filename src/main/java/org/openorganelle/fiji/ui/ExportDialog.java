package org.openorganelle.fiji.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.File;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.WindowConstants;

import org.openorganelle.fiji.ByteSize;
import org.openorganelle.fiji.HumanReadable;
import org.openorganelle.fiji.OpenOrganelleException;
import org.openorganelle.fiji.export.Cancellation;
import org.openorganelle.fiji.export.ExportOptions;
import org.openorganelle.fiji.export.ExportResult;

/**
 * A non-modal dialog exporting the browser's chosen level to {@code .npy} + metadata:
 * region (voxels {@code z0:z1,y0:y1,x0:x1}), output directory and size limit, with the
 * size shown before anything is downloaded. The export runs on a worker with a progress
 * bar, rate and time left; Cancel stops it and leaves no file. A success records the
 * equivalent {@code run("OpenOrganelle Export...", ...)} line. Event thread only.
 */
final class ExportDialog extends JDialog {

	private static final long serialVersionUID = 1L;

	private final ExportTarget target;
	private final Selection selection;
	private final Consumer<String> recorder;
	private final JTextField region = Widgets.named(new JTextField(18), "exportRegion");
	private final JTextField output = Widgets.named(new JTextField(new File(System.getProperty("user.home"), "data"
			+ File.separator + "openorganelle").getPath(), 28), "exportOutput");
	private final JButton chooseOutput = Widgets.named(new JButton("Choose…"), "exportChooseOutput");
	private final JTextField limit = Widgets.named(new JTextField(8), "exportLimit");
	private final JLabel size = Widgets.named(new JLabel(" "), "exportSize");
	private final JButton start = Widgets.named(new JButton("Export"), "exportStart");
	private final JButton cancel = Widgets.named(new JButton("Cancel"), "exportCancel");
	private final JProgressBar progress = Widgets.named(new JProgressBar(0, 1000), "exportProgress");
	private final JLabel rate = Widgets.named(new JLabel(" "), "exportRate");
	private final StatusLine status = new StatusLine("export");
	private final ProgressRelay relay = new ProgressRelay(this::showProgress);
	private Cancellation running;

	/**
	 * @param selection the browser's selection, whose size limit this dialog edits
	 * @param recorder receives the macro line of each successful export
	 */
	ExportDialog(final JFrame owner, final ExportTarget target, final Selection selection,
			final Consumer<String> recorder) {
		super(owner, "Export — " + target.describe(), false);
		this.target = target;
		this.selection = selection;
		this.recorder = recorder;
		setName("exportDialog");
		setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
		limit.setText(selection.limitText);
		progress.setStringPainted(true);
		progress.setString("");
		cancel.setEnabled(false);
		start.addActionListener(e -> startExport());
		cancel.addActionListener(e -> cancelExport());
		chooseOutput.addActionListener(e -> chooseOutput());
		Widgets.onEdit(region, this::showSize);
		Widgets.onEdit(limit, this::showSize);
		addWindowListener(new WindowAdapter() {
			@Override
			public void windowClosed(final WindowEvent e) {
				cancelExport();
			}
		});
		setContentPane(content());
		pack();
		setLocationRelativeTo(owner);
		showSize();
	}

	private JComponent content() {
		final JPanel form = new JPanel(new GridBagLayout());
		final GridBagConstraints c = new GridBagConstraints();
		c.insets = new Insets(3, 4, 3, 4);
		c.anchor = GridBagConstraints.LINE_START;
		c.fill = GridBagConstraints.HORIZONTAL;
		row(form, c, 0, "Region (voxels)", region, new JLabel("z0:z1,y0:y1,x0:x1; empty: the whole level"));
		row(form, c, 1, "Output directory", output, chooseOutput);
		row(form, c, 2, "Size limit", limit, new JLabel("e.g. 500M, 4G, 1T"));
		row(form, c, 3, "Size", size, new JLabel(""));
		row(form, c, 4, "Progress", progress, rate);
		final JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING, 6, 0));
		buttons.add(start);
		buttons.add(cancel);
		final JPanel bottom = new JPanel(new BorderLayout());
		bottom.add(status, BorderLayout.NORTH);
		bottom.add(buttons, BorderLayout.SOUTH);
		final JPanel content = new JPanel(new BorderLayout(0, 6));
		content.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
		content.add(new JLabel(target.describe()), BorderLayout.NORTH);
		content.add(form, BorderLayout.CENTER);
		content.add(bottom, BorderLayout.SOUTH);
		return content;
	}

	/** Shows the export's size (no request: the level's shape is known) and whether the limit allows it. */
	private void showSize() {
		try {
			final long bytes = target.bytes(target.region(region.getText()));
			final long max = ByteSize.parse(limit.getText(), "size limit");
			selection.limitBytes = max;
			selection.limitText = limit.getText().strip();
			final boolean allowed = bytes <= max;
			size.setText(HumanReadable.bytes(bytes) + (allowed ? "" : " — above the limit of " + HumanReadable
					.binaryBytes(max) + ": choose a region or a coarser level, or raise the limit"));
			size.setForeground(allowed ? UIManager.getColor("Label.foreground") : StatusLine.ERROR);
		} catch (final OpenOrganelleException e) {
			size.setText(e.getMessage());
			size.setForeground(StatusLine.ERROR);
		}
		size.setToolTipText(size.getText());
	}

	private void startExport() {
		if (running != null)
			return;
		final String regionText = region.getText().strip();
		final File directory = new File(output.getText().strip());
		final String limitText = limit.getText().strip();
		final Cancellation cancellation = new Cancellation();
		final ExportOptions options;
		try {
			options = ExportOptions.defaults().withMaxBytes(ByteSize.parse(limitText, "size limit"))
					.withCancellation(cancellation).withProgress(relay);
		} catch (final OpenOrganelleException e) {
			status.failed(e.getMessage(), this::startExport);
			return;
		}
		running = cancellation;
		start.setEnabled(false);
		cancel.setEnabled(true);
		progress.setValue(0);
		progress.setString("");
		rate.setText(" ");
		status.loading("Exporting " + target.describe() + " ...");
		Workers.LONG.execute(() -> {
			try {
				final ExportResult result = target.export(regionText, directory.toPath(), options);
				SwingUtilities.invokeLater(() -> finished(result, target.macroLine(regionText, directory,
						limitText)));
			} catch (final OpenOrganelleException e) {
				final boolean cancelled = cancellation.isCancelled();
				final String why = e.getMessage();
				SwingUtilities.invokeLater(() -> failed(cancelled ? "Cancelled: nothing was written (" + why + ")"
						: why));
			}
		});
	}

	private void finished(final ExportResult result, final String macroLine) {
		running = null;
		start.setEnabled(true);
		cancel.setEnabled(false);
		progress.setValue(progress.getMaximum());
		progress.setString("100 %");
		status.note("Wrote " + result.npy().getFileName() + " and " + result.metadata().getFileName());
		recorder.accept(macroLine);
	}

	private void failed(final String why) {
		running = null;
		start.setEnabled(true);
		cancel.setEnabled(false);
		status.failed(why, this::startExport);
	}

	private void cancelExport() {
		if (running != null)
			running.cancel("was cancelled in the export dialog");
	}

	private void showProgress(final ProgressRelay.Shown shown) {
		if (running == null)
			return;
		progress.setValue(shown.permille);
		progress.setString(shown.permille / 10 + " %");
		rate.setText(shown.rate);
	}

	private void chooseOutput() {
		final JFileChooser chooser = new JFileChooser(output.getText());
		chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
		if (chooser.showDialog(this, "Choose") == JFileChooser.APPROVE_OPTION)
			output.setText(chooser.getSelectedFile().getPath());
	}

	private static void row(final JPanel form, final GridBagConstraints c, final int y, final String label,
			final JComponent field, final JComponent after) {
		c.gridy = y;
		c.gridx = 0;
		c.weightx = 0;
		form.add(new JLabel(label), c);
		c.gridx = 1;
		c.weightx = 1;
		form.add(field, c);
		c.gridx = 2;
		c.weightx = 0;
		c.fill = GridBagConstraints.NONE;
		form.add(after, c);
		c.fill = GridBagConstraints.HORIZONTAL;
	}
}
