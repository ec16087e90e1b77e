// tuijie: submission records in, print-ready Chinese PDF documents out.
#include "app/application.hpp"

int main(int argc, char** argv) {
  return tuijie::app::run(argc, argv);
}
