// The C++ side of the writer-metadata benchmark: a simulated machine whose writers declare many components with
// many files, gathered (GatherWriterMetadata + GetWriterMetadata) with no JVM; the Java side is MetadataProbe.
#pragma once

namespace vss4j::bench {

// Prints "metadata.cpp.median_ns", "metadata.cpp.descriptors" and "metadata.cpp.live" for `samples` gathers
// (after a warm-up) of `writers` writers x `components` components x `files` database files each.
void metadataGathers(int writers, int components, int files, int samples);

}  // namespace vss4j::bench
