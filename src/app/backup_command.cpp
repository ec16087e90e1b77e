// tuijie backup FILE: a consistent copy of the workspace database, safe while other commands
// run (see store/backup.hpp).
#include "app/commands.hpp"

#include <ostream>

#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/lang.hpp"
#include "store/backup.hpp"
#include "store/workspace.hpp"

namespace tuijie::app {

namespace {

int run_backup(Context& context, const Command&, const std::vector<std::string>& args) {
  if (args.size() != 1) {
    throw_usage("backup 需要且只需要一个参数：备份文件 FILE",
                "backup takes exactly one argument: the backup file FILE");
  }
  store::Workspace workspace = context.open_workspace();
  store::backup_database(workspace, args[0]);
  context.out() << context.tr("已备份工作区 ", "Backed up workspace ") << workspace.dir()
                << context.tr(" 到 ", " to ") << args[0] << '\n';
  return kExitOk;
}

}  // namespace

Command backup_command() {
  return Command(
      {"backup",
       "FILE",
       "备份工作区数据库",
       "back up the workspace database",
       "把工作区数据库的一致副本写入新文件 FILE，其他命令（如导入）同时运行也无妨。"
       "FILE 已存在时拒绝，不会覆盖。工作区使用预写日志（WAL），"
       "单独复制 tuijie.db 可能漏掉已提交的数据，请用本命令备份。"
       "恢复：把副本命名为 tuijie.db 放入一个空文件夹，即成工作区。",
       "Writes a consistent copy of the workspace database to the new file FILE, also while "
       "other commands (an import) run. An existing FILE is refused, never overwritten. The "
       "workspace uses a write-ahead log (WAL): copying tuijie.db alone can miss committed "
       "data, so back up with this command. To restore, put the copy into an empty folder "
       "as tuijie.db: that folder is the workspace.",
       {}},
      run_backup);
}

}  // namespace tuijie::app
