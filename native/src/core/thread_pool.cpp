#include "core/thread_pool.h"

#include <algorithm>

namespace qdcnn {

ThreadPool::ThreadPool(int threads) {
  for (int t = 1; t < threads; ++t) workers_.emplace_back([this, t] { worker_loop(t); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& w : workers_) w.join();
}

void ThreadPool::run_slice(int thread) {
  const uint64_t n = static_cast<uint64_t>(threads());
  uint64_t per = (count_ + n - 1) / n;
  per = (per + align_ - 1) / align_ * align_;
  const uint64_t begin = std::min(count_, per * static_cast<uint64_t>(thread));
  const uint64_t end = std::min(count_, begin + per);
  if (begin >= end) return;
  try {
    (*body_)(begin, end, thread);
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!error_) error_ = std::current_exception();
  }
}

void ThreadPool::worker_loop(int thread) {
  uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
    }
    run_slice(thread);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (--pending_ == 0) work_done_.notify_one();
    }
  }
}

void ThreadPool::parallel_for(uint64_t count, uint64_t align,
                              const std::function<void(uint64_t, uint64_t, int)>& body) {
  if (count == 0) return;
  if (workers_.empty() || count <= align) {
    body(0, count, 0);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    body_ = &body;
    count_ = count;
    align_ = align == 0 ? 1 : align;
    error_ = nullptr;
    pending_ = static_cast<int>(workers_.size());
    ++generation_;
  }
  work_ready_.notify_all();
  run_slice(0);
  std::exception_ptr error;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    work_done_.wait(lock, [&] { return pending_ == 0; });
    body_ = nullptr;
    error = error_;
    error_ = nullptr;
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace qdcnn
