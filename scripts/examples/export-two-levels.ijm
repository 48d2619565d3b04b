// Exports two pyramid levels of the nucleus-accumbens EM volume (jrc_mus-nacc-2) from
// OpenOrganelle to NumPy .npy files, each with its metadata JSON record.
//
// In Fiji: Plugins > Macros > Run... and pick this file. Headless:
//   ImageJ-linux64 --headless -batch export-two-levels.ijm
// The macro argument, if any, is added to every export's options, e.g.
//   "output=/tmp/oo" or "endpoint=http://localhost:9000" (an S3-compatible mirror).
extra = getArgument();
if (indexOf(extra, "output=") < 0)
	extra = extra + " output=[" + getDirectory("home") + "data" + File.separator + "openorganelle]";
levels = newArray("s2", "s3");
for (i = 0; i < levels.length; i++)
	run("OpenOrganelle Export...", "dataset=jrc_mus-nacc-2 array=recon-2/em/fibsem-int16 level=" + levels[i] + " " + extra);
