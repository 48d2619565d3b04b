package org.openorganelle.fiji.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.openorganelle.fiji.array.DataType;
import org.openorganelle.fiji.view.LabelColors;

/** {@link ThumbnailImage}: grey from the data's range for intensities, a colour per id for labels. */
class ThumbnailImageTest {

	@Test
	void intensitiesAreGreyBetweenTheDatasPercentiles() {
		final ByteBuffer plane = ByteBuffer.allocate(2 * 4).order(ByteOrder.LITTLE_ENDIAN);
		plane.putShort((short) -1500).putShort((short) 0).putShort((short) 3000).putShort((short) 6000);
		final BufferedImage image = ThumbnailImage.render(plane.array(), DataType.parse("<i2"), 2, 2, false);
		assertEquals(0x000000, image.getRGB(0, 0) & 0xFFFFFF, "the lowest value is black");
		assertEquals(0xFFFFFF, image.getRGB(1, 1) & 0xFFFFFF, "the highest value is white");
		final int grey = image.getRGB(0, 1) & 0xFF;
		assertEquals(grey, image.getRGB(0, 1) >> 8 & 0xFF);
		assertEquals(Math.round(255 * 4500 / 7500.0), grey, 1);
	}

	@Test
	void labelsGetAColourPerIdAndTheBackgroundIsBlack() {
		final ByteBuffer plane = ByteBuffer.allocate(8 * 4).order(ByteOrder.LITTLE_ENDIAN);
		plane.putLong(0).putLong(7).putLong(7).putLong(-2);
		final BufferedImage image = ThumbnailImage.render(plane.array(), DataType.parse("<u8"), 2, 2, true);
		assertEquals(0, image.getRGB(0, 0) & 0xFFFFFF);
		assertEquals(image.getRGB(1, 0), image.getRGB(0, 1), "the same id, the same colour");
		assertNotEquals(image.getRGB(1, 0), image.getRGB(1, 1), "another id, another colour");
		assertNotEquals(0, image.getRGB(1, 1) & 0xFFFFFF, "only 0 is black");
		assertEquals(LabelColors.argb(7) & 0xFFFFFF, image.getRGB(1, 0) & 0xFFFFFF, "BigDataViewer's colour");
	}
}
