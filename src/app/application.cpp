#include "app/application.hpp"

#include <cstdio>

namespace tuijie::app {

int run(int, char**) {
  std::puts("tuijie: not yet");
  return 0;
}

}  // namespace tuijie::app
