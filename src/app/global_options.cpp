#include "app/global_options.hpp"

#include <Poco/Util/Option.h>

#include "app/lang.hpp"

namespace tuijie::app {

using Poco::Util::Option;

void define_global_options(Poco::Util::OptionSet& options, Lang lang) {
  options.addOption(Option("workspace", "w",
                           tr(lang, "工作区文件夹（默认：当前文件夹或其上级中含 tuijie.db 的）",
                              "workspace folder (default: the current folder or the nearest "
                              "one above it holding tuijie.db)"))
                        .argument("DIR")
                        .binding("workspace"));
  options.addOption(Option("lang", "l",
                           tr(lang, "消息语言 zh 或 en（默认按 LC_ALL/LANG）",
                              "message language, zh or en (default: from LC_ALL/LANG)"))
                        .argument("zh|en")
                        .binding("lang"));
  options.addOption(
      Option("config", "c",
             tr(lang, "从设置文件读取选项（.properties/.ini/.json/.xml），命令行优先",
                "read options from a settings file (.properties/.ini/.json/.xml); the command "
                "line wins"))
          .argument("FILE"));
  options.addOption(
      Option("resources", "",
             tr(lang, "含 templates/、fonts/、data/ 的资源文件夹（默认：在程序所在位置向上查找）",
                "resources folder with templates/, fonts/ and data/ (default: "
                "found upwards from the program's location)"))
          .argument("DIR")
          .binding("resources"));
  options.addOption(Option("help", "h", tr(lang, "显示帮助", "show help")));
  options.addOption(Option("version", "", tr(lang, "显示版本", "show the version")));
}

}  // namespace tuijie::app
