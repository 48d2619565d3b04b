package org.openorganelle.fiji.ui;

import java.awt.Color;
import java.awt.FlowLayout;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;

/**
 * One area's status, inline: what is loading, what went wrong (with a Retry button), or
 * a short note such as "no arrays". Named {@code <area>Status} and {@code <area>Retry}.
 * Event thread only.
 */
final class StatusLine extends JPanel {

	/** The colour of failures. */
	static final Color ERROR = new Color(0xB0, 0x00, 0x20);

	private final JLabel message = new JLabel(" ");
	private final JButton retry = new JButton("Retry");
	private Runnable again = () -> {
	};

	StatusLine(final String area) {
		super(new FlowLayout(FlowLayout.LEADING, 4, 0));
		setName(area + "StatusLine");
		message.setName(area + "Status");
		retry.setName(area + "Retry");
		retry.setVisible(false);
		retry.addActionListener(e -> again.run());
		add(message);
		add(retry);
	}

	/** Shows that something is being fetched. */
	void loading(final String what) {
		show(what, UIManager.getColor("Label.disabledForeground"), null);
	}

	/** Shows a remark (not an error). */
	void note(final String text) {
		show(text, UIManager.getColor("Label.foreground"), null);
	}

	/** Shows a failure and a Retry button that runs {@code retryWith}. */
	void failed(final String why, final Runnable retryWith) {
		show(why, ERROR, retryWith);
	}

	/** Shows nothing. */
	void clear() {
		show(" ", UIManager.getColor("Label.foreground"), null);
	}

	/** The text shown. */
	String text() {
		return message.getText();
	}

	private void show(final String text, final Color colour, final Runnable retryWith) {
		message.setText(text.isEmpty() ? " " : text);
		message.setToolTipText(text.isBlank() ? null : text);
		message.setForeground(colour);
		again = retryWith == null ? () -> {
		} : retryWith;
		retry.setVisible(retryWith != null);
		revalidate();
	}
}
