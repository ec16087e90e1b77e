// `tuijie-bench packet`: the bureau's recommendation packet (job::PacketJob) for N generated
// enterprises, one child process per N so that each row's peak memory is its own.
#pragma once

namespace tuijie::bench {

/// argv[0] is "packet"; returns the exit code (64 usage, 65 a record that did not import
/// cleanly or a packet with problems, 70 anything else).
int packet_main(int argc, char** argv);

}  // namespace tuijie::bench
