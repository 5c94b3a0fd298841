#pragma once
// A small fork-join pool. Workers sleep on a condition variable between jobs (no spinning: on
// machines with few cores, spin-waiting pools were measured 10-60x slower than one thread).
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace qdcnn {

class ThreadPool {
 public:
  // `threads` counts the calling thread: 1 means no workers.
  explicit ThreadPool(int threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int threads() const { return static_cast<int>(workers_.size()) + 1; }

  // Runs body(begin, end, thread) over contiguous slices of [0, count), one per thread, and
  // returns when all are done; rethrows the first exception a slice threw. thread is in
  // [0, threads()); slices other than the last start at a multiple of `align`.
  // Not reentrant: body must not call parallel_for on the same pool.
  void parallel_for(uint64_t count, uint64_t align,
                    const std::function<void(uint64_t, uint64_t, int)>& body);

 private:
  void worker_loop(int thread);
  void run_slice(int thread);

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable work_done_;
  uint64_t generation_ = 0;
  int pending_ = 0;
  bool stopping_ = false;
  const std::function<void(uint64_t, uint64_t, int)>* body_ = nullptr;
  uint64_t count_ = 0, align_ = 1;
  std::exception_ptr error_;
};

}  // namespace qdcnn
