#include "app/exit_codes.hpp"

#include <Poco/Util/Application.h>

namespace tuijie::app {

// Our numbers are Poco's sysexits names, spelled out so this header needs no Poco.
static_assert(int{kExitUsage} == int{Poco::Util::Application::EXIT_USAGE});
static_assert(int{kExitDataError} == int{Poco::Util::Application::EXIT_DATAERR});
static_assert(int{kExitNoInput} == int{Poco::Util::Application::EXIT_NOINPUT});
static_assert(int{kExitSoftware} == int{Poco::Util::Application::EXIT_SOFTWARE});
static_assert(int{kExitCantCreate} == int{Poco::Util::Application::EXIT_CANTCREAT});
static_assert(int{kExitTempFail} == int{Poco::Util::Application::EXIT_TEMPFAIL});

int exit_code_for(Category category) {
  switch (category) {
    case Category::Data:
      return kExitDataError;
    case Category::Usage:
      return kExitUsage;
    case Category::MissingInput:
      return kExitNoInput;
    case Category::CannotCreate:
      return kExitCantCreate;
    case Category::Busy:
      return kExitTempFail;
    case Category::Internal:
      return kExitSoftware;
  }
  return kExitSoftware;
}

int exit_code_for(const Diagnostics& diagnostics) {
  // Most severe first: what nobody can act on, then what stops any output, then what the
  // user must supply, then what they must correct, then what passes by itself.
  static constexpr Category kSeverity[] = {Category::Internal,     Category::CannotCreate,
                                           Category::MissingInput, Category::Usage,
                                           Category::Data,         Category::Busy};
  for (Category category : kSeverity) {
    for (const Diagnostic& d : diagnostics) {
      if (d.severity == Severity::Error && d.category == category)
        return exit_code_for(category);
    }
  }
  return kExitSoftware;  // an error without a reason is a bug
}

std::string exit_codes_help(Lang lang) {
  if (lang == Lang::Zh) {
    return "退出码：\n"
           "  0   成功\n"
           "  64  用法错误（未知命令或选项，参数不对）\n"
           "  65  输入数据有误（导入文件中有错误；工作区数据库损坏；渲染问题，如文字超出格子）\n"
           "  66  找不到输入文件、工作区或资源文件；tuijie.db 不是工作区\n"
           "  70  内部错误\n"
           "  73  无法创建输出（工作区、文件夹或文件），磁盘已满，工作区只读\n"
           "  75  工作区正被另一个命令使用，请稍后再试\n";
  }
  return "Exit codes:\n"
         "  0   success\n"
         "  64  usage error (unknown command or option, wrong arguments)\n"
         "  65  bad input data (an error in an imported file; a damaged workspace database; a "
         "render problem such as overflow)\n"
         "  66  an input file, the workspace or a resource file is missing; tuijie.db is not a "
         "workspace\n"
         "  70  internal failure\n"
         "  73  cannot create output (workspace, folder or file), disk full, read-only "
         "workspace\n"
         "  75  the workspace is busy with another command; try again later\n";
}

}  // namespace tuijie::app
