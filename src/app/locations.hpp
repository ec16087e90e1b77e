// Where tuijie finds its resources (data/, templates/, fonts/) and the workspace.
#pragma once

#include <filesystem>
#include <optional>

namespace tuijie::app {

/// The resources folder for a program at `exe`: the nearest ancestor of its folder that
/// holds data/campaigns/ (a source or build tree, an unpacked release), or such an
/// ancestor's share/tuijie/ (an installed program, e.g. /usr/bin/tuijie and
/// /usr/share/tuijie). nullopt when there is none.
std::optional<std::filesystem::path> find_resources(const std::filesystem::path& exe);

/// This program's own file (from /proc/self/exe); empty when unknown.
std::filesystem::path executable_path();

/// The workspace holding `start`: the nearest of `start` and its ancestors that has a
/// tuijie.db, as git finds its repository. nullopt when there is none.
std::optional<std::filesystem::path> find_workspace(const std::filesystem::path& start);

}  // namespace tuijie::app
