// bench/run.sh's in-JVM row: the same export twice in one ImageJ (as Fiji runs it), into
// OUTPUT/first and OUTPUT/second; the second one's metadata JSON gives the in-process time of an
// export in a JVM that has already run one (classes loaded, code compiled, connections open).
// Argument: "OPTIONS|OUTPUT", OPTIONS being the export's macro options without output=.
parts = split(getArgument(), "|");
run("OpenOrganelle Export...", parts[0] + " output=[" + parts[1] + "/first]");
run("OpenOrganelle Export...", parts[0] + " output=[" + parts[1] + "/second]");
