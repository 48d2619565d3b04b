package org.openorganelle.fiji.view;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import org.openorganelle.fiji.OpenOrganelleException;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.NumericType;

/**
 * The one place that talks to BigDataViewer. BigDataViewer is not on Maven Central, so it
 * is not a dependency: every Fiji ships it, and this class finds {@code bdv.util.BdvFunctions}
 * at run time by reflection. When it is absent (or its API differs), {@link #display} returns
 * empty and callers fall back to an ImageJ hyperstack. Shows a whole pyramid as one
 * multiresolution source ({@code bdv.util.RandomAccessibleIntervalMipmapSource}), or one
 * level as one source, of whatever type the images have: given {@code Volatile} images,
 * BigDataViewer renders them without waiting (its {@code ProjectorFactory} picks the
 * {@code VolatileHierarchyProjector} when the source's type is {@code Volatile}, and its
 * {@code MultiResolutionRenderer} repaints until every pixel is valid). The returned
 * {@link ShownSource} sets the display range.
 */
public final class BigDataViewerSeam {

	/** The BigDataViewer class whose {@code show} methods display an image. */
	public static final String FUNCTIONS = "bdv.util.BdvFunctions";

	/** BigDataViewer's options class, used for the voxel size when present. */
	public static final String OPTIONS = "bdv.util.BdvOptions";

	/** ImgLib2's 3-D affine transform (imglib2-realtransform, shipped with Fiji). */
	public static final String AFFINE = "net.imglib2.realtransform.AffineTransform3D";

	/** BigDataViewer's source interface. */
	public static final String SOURCE = "bdv.viewer.Source";

	/** BigDataViewer's multiresolution source over in-memory (or lazy) images. */
	public static final String MIPMAP_SOURCE = "bdv.util.RandomAccessibleIntervalMipmapSource";

	/** The voxel-size interface of spim_data (shipped with BigDataViewer). */
	public static final String VOXEL_DIMENSIONS = "mpicbg.spim.data.sequence.VoxelDimensions";

	/** spim_data's voxel size with a unit. */
	public static final String FINAL_VOXEL_DIMENSIONS = "mpicbg.spim.data.sequence.FinalVoxelDimensions";

	private final ClassLoader loader;

	/** A seam that looks for BigDataViewer where this plugin's own classes come from. */
	public BigDataViewerSeam() {
		this(BigDataViewerSeam.class.getClassLoader());
	}

	/** A seam that looks for BigDataViewer through a given class loader. */
	public BigDataViewerSeam(final ClassLoader loader) {
		this.loader = loader;
	}

	/** Whether BigDataViewer's {@code BdvFunctions} can be loaded. */
	public boolean isAvailable() {
		return load(FUNCTIONS).isPresent();
	}

	/**
	 * Shows an image in a new BigDataViewer window through
	 * {@code BdvFunctions.show(img, name, options)}, or {@code BdvFunctions.show(img, name)}
	 * when {@code BdvOptions} is absent. The source transform maps voxel {@code i} to
	 * {@code translation + i * scale}: an {@code AffineTransform3D} when ImgLib2's
	 * realtransform library is present (as in Fiji), else the scale alone.
	 *
	 * @param img the image, x-y-z
	 * @param name the source name and window title
	 * @param scaleXyz the voxel size along x, y, z
	 * @param translationXyz the position of the first voxel's centre along x, y, z
	 * @return what BigDataViewer returned for the source (its {@code BdvStackSource}), or empty when
	 *         BigDataViewer is not available
	 * @throws OpenOrganelleException naming the image when BigDataViewer fails to show it
	 */
	public Optional<ShownSource> display(final RandomAccessibleInterval<?> img, final String name,
			final double[] scaleXyz, final double[] translationXyz) {
		final Optional<Class<?>> functions = load(FUNCTIONS);
		if (functions.isEmpty())
			return Optional.empty();
		final Optional<Class<?>> options = load(OPTIONS);
		try {
			if (options.isPresent()) {
				final Optional<Method> show = method(functions.get(), "show", RandomAccessibleInterval.class,
						String.class, options.get());
				if (show.isPresent())
					return Optional.of(new ShownSource(show.get().invoke(null, img, name, options(options.get(),
							name, scaleXyz, translationXyz)), name));
			}
			final Optional<Method> show = method(functions.get(), "show", RandomAccessibleInterval.class,
					String.class);
			if (show.isEmpty())
				return Optional.empty();
			return Optional.of(new ShownSource(show.get().invoke(null, img, name), name));
		} catch (final ReflectiveOperationException e) {
			throw failure(name, e);
		}
	}

	/**
	 * Shows a pyramid as one multiresolution source: {@code new RandomAccessibleIntervalMipmapSource(
	 * levels, type, downsampling, new FinalVoxelDimensions("nm", scale), transform, name)} shown
	 * with {@code BdvFunctions.show(source, options)}. BigDataViewer then reads the level that
	 * fits the zoom, so a 25 TB volume opens at its coarsest level. The source transform of
	 * the finest level maps voxel {@code i} to {@code translation + i * scale}; coarser
	 * levels are placed by BigDataViewer's mipmap convention (half-voxel offsets, as COSEM's).
	 *
	 * @param levels the levels, x-y-z, finest first
	 * @param type an instance of the pixel type
	 * @param downsamplingXyz per level, its factors along x, y, z relative to the finest
	 * @param scaleXyz the finest level's voxel size along x, y, z, in nm
	 * @param translationXyz the position of the finest level's first voxel centre, in nm
	 * @return what BigDataViewer returned for the source (its {@code BdvStackSource}), or empty when
	 *         BigDataViewer or its multiresolution API is not available
	 * @throws OpenOrganelleException naming the image when BigDataViewer fails to show it
	 */
	public Optional<ShownSource> displayPyramid(final List<? extends RandomAccessibleInterval<?>> levels,
			final Object type, final String name, final double[][] downsamplingXyz, final double[] scaleXyz,
			final double[] translationXyz) {
		final Optional<Class<?>> functions = load(FUNCTIONS);
		final Optional<Class<?>> options = load(OPTIONS);
		final Optional<Class<?>> source = load(SOURCE);
		final Optional<Class<?>> mipmap = load(MIPMAP_SOURCE);
		final Optional<Class<?>> voxels = load(VOXEL_DIMENSIONS);
		final Optional<Class<?>> finalVoxels = load(FINAL_VOXEL_DIMENSIONS);
		final Optional<Class<?>> affineClass = load(AFFINE);
		if (functions.isEmpty() || options.isEmpty() || source.isEmpty() || mipmap.isEmpty() || voxels.isEmpty()
				|| finalVoxels.isEmpty() || affineClass.isEmpty())
			return Optional.empty();
		final Optional<Method> show = method(functions.get(), "show", source.get(), options.get());
		final Optional<Constructor<?>> create = constructor(mipmap.get(), RandomAccessibleInterval[].class,
				NumericType.class, double[][].class, voxels.get(), affineClass.get(), String.class);
		final Optional<Constructor<?>> voxelSize = constructor(finalVoxels.get(), String.class, double[].class);
		if (show.isEmpty() || create.isEmpty() || voxelSize.isEmpty())
			return Optional.empty();
		try {
			final Optional<Object> affine = affine(scaleXyz, translationXyz);
			if (affine.isEmpty())
				return Optional.empty();
			final Object mipmapSource = create.get().newInstance(levels.toArray(new RandomAccessibleInterval<?>[0]),
					type, downsamplingXyz, voxelSize.get().newInstance("nm", scaleXyz.clone()), affine.get(), name);
			return Optional.of(new ShownSource(show.get().invoke(null, mipmapSource, titled(options.get(), name)),
					name));
		} catch (final ReflectiveOperationException e) {
			throw failure(name, e);
		}
	}

	/**
	 * A source BigDataViewer shows: what {@code BdvFunctions.show} returned (a
	 * {@code bdv.util.BdvStackSource}), whose display range this sets by reflection.
	 */
	public static final class ShownSource {

		private final Object stackSource;
		private final String name;

		ShownSource(final Object stackSource, final String name) {
			this.stackSource = stackSource;
			this.name = name;
		}

		/**
		 * Sets the slider bounds ({@code setDisplayRangeBounds}: the range widened by its width
		 * on each side, so that it can be adjusted both ways) and then the display range
		 * ({@code setDisplayRange(min, max)}); bounds first, since BigDataViewer clamps the range
		 * to them.
		 *
		 * @return false when the source has no such methods (nothing set)
		 * @throws OpenOrganelleException naming the image when BigDataViewer fails
		 */
		public boolean setDisplayRange(final DisplayRange range) {
			if (stackSource == null)
				return false;
			final Optional<Method> bounds = method(stackSource.getClass(), "setDisplayRangeBounds", double.class,
					double.class);
			final Optional<Method> set = method(stackSource.getClass(), "setDisplayRange", double.class,
					double.class);
			if (set.isEmpty())
				return false;
			final double width = range.max() - range.min();
			try {
				if (bounds.isPresent())
					bounds.get().invoke(stackSource, range.min() - width, range.max() + width);
				set.get().invoke(stackSource, range.min(), range.max());
				return true;
			} catch (final ReflectiveOperationException e) {
				throw failure(name, e);
			}
		}
	}

	/** What went wrong calling BigDataViewer: inside it (its own exception), or calling its API. */
	private static OpenOrganelleException failure(final String name, final ReflectiveOperationException e) {
		if (e instanceof InvocationTargetException)
			return new OpenOrganelleException("BigDataViewer could not show " + name + ": " + e.getCause(), e
					.getCause());
		return new OpenOrganelleException("BigDataViewer's API cannot be called to show " + name + ": " + e, e);
	}

	/** {@code BdvOptions.options()}, with the window title when the method exists. */
	private static Object titled(final Class<?> optionsClass, final String name) throws ReflectiveOperationException {
		final Object options = method(optionsClass, "options").orElseThrow(() -> missing("options()")).invoke(null);
		final Optional<Method> title = method(optionsClass, "frameTitle", String.class);
		return title.isPresent() ? title.get().invoke(options, name) : options;
	}

	private Object options(final Class<?> optionsClass, final String name, final double[] scale,
			final double[] translation) throws ReflectiveOperationException {
		Object options = titled(optionsClass, name);
		final Optional<Object> affine = scale.length == 3 ? affine(scale, translation) : Optional.empty();
		final Optional<Method> withAffine = affine.flatMap(a -> method(optionsClass, "sourceTransform", a
				.getClass()));
		final Optional<Method> withScale = method(optionsClass, "sourceTransform", double[].class);
		if (withAffine.isPresent())
			options = withAffine.get().invoke(options, affine.get());
		else if (withScale.isPresent())
			options = withScale.get().invoke(options, (Object) scale.clone());
		return options;
	}

	/** An ImgLib2 {@code AffineTransform3D} scaling and translating, when the class is present. */
	private Optional<Object> affine(final double[] scale, final double[] translation)
			throws ReflectiveOperationException {
		final Optional<Class<?>> affineClass = load(AFFINE);
		final Optional<Method> set = affineClass.flatMap(c -> method(c, "set", double[].class));
		if (set.isEmpty())
			return Optional.empty();
		final Object affine = affineClass.get().getConstructor().newInstance();
		set.get().invoke(affine, (Object) new double[] {
				scale[0], 0, 0, translation[0],
				0, scale[1], 0, translation[1],
				0, 0, scale[2], translation[2] });
		return Optional.of(affine);
	}

	private static OpenOrganelleException missing(final String method) {
		return new OpenOrganelleException("BigDataViewer's " + OPTIONS + " has no method " + method);
	}

	private Optional<Class<?>> load(final String className) {
		try {
			return Optional.of(Class.forName(className, true, loader));
		} catch (final ClassNotFoundException | LinkageError e) {
			return Optional.empty();
		}
	}

	private static Optional<Constructor<?>> constructor(final Class<?> owner, final Class<?>... parameters) {
		try {
			return Optional.of(owner.getConstructor(parameters));
		} catch (final NoSuchMethodException e) {
			return Optional.empty();
		}
	}

	private static Optional<Method> method(final Class<?> owner, final String name, final Class<?>... parameters) {
		try {
			return Optional.of(owner.getMethod(name, parameters));
		} catch (final NoSuchMethodException e) {
			return Optional.empty();
		}
	}
}
