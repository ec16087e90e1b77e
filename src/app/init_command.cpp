// tuijie init DIR [--campaign FILE]: makes DIR a new workspace for a campaign.
#include "app/commands.hpp"

#include <Poco/Util/Option.h>

#include <ostream>

#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/lang.hpp"
#include "app/run_clock_from_environment.hpp"
#include "core/message_text.hpp"
#include "store/workspace.hpp"

namespace tuijie::app {

namespace {
// The campaign a workspace gets when none is named, relative to the resources folder.
constexpr const char* kDefaultCampaign = "data/campaigns/tianjin-2020.json";

int run_init(Context& context, const Command& command, const std::vector<std::string>& args) {
  if (args.size() != 1) {
    throw_usage("init 需要且只需要一个参数：工作区文件夹 DIR",
                "init takes exactly one argument: the workspace folder DIR");
  }
  const std::string campaign = context.config().has(command.binding_for("campaign"))
                                   ? context.config().getString(command.binding_for("campaign"))
                                   : context.resource(kDefaultCampaign);
  const store::Workspace workspace =
      store::Workspace::create(args[0], campaign, run_clock_from_environment());
  context.out() << context.tr("已创建工作区 ", "Created workspace ")
                << message_text::escape_controls(args[0]) << context.tr("（活动：", " (campaign: ")
                << workspace.campaign().name() << context.tr("，文件 ", ", file ")
                << workspace.campaign().file_name() << context.tr("）", ")") << '\n';
  return kExitOk;
}

}  // namespace

Command init_command() {
  return Command({"init",
                  "DIR [--campaign FILE]",
                  "新建工作区",
                  "create a workspace",
                  "在 DIR 中新建工作区（tuijie.db），并保存所用活动文件的完整内容。"
                  "DIR 不存在时自动创建；已是工作区时不作任何改动。",
                  "Makes DIR a new workspace (tuijie.db) holding a full copy of the campaign file. "
                  "DIR is created when missing; an existing workspace is left untouched.",
                  {{"campaign", "", "活动文件（默认：data/campaigns/tianjin-2020.json）",
                    "campaign file (default: "
                    "data/campaigns/tianjin-2020.json)",
                    "FILE"}}},
                 run_init);
}

}  // namespace tuijie::app
