// Java holds ids, never pointers: an id is looked up here on every call, so a closed, stale or forged
// id is an error the caller can report instead of a crash. Ids are never reused within a process.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace vss4j {

// One id sequence for every registry, so that an id of one kind is never valid as another kind.
std::int64_t nextHandleId() noexcept;

template <typename T>
class HandleRegistry {
 public:
  std::int64_t add(std::shared_ptr<T> object) {
    const std::int64_t id = nextHandleId();
    std::lock_guard<std::mutex> lock(mutex_);
    objects_.emplace(id, std::move(object));
    return id;
  }

  std::shared_ptr<T> find(std::int64_t id) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = objects_.find(id);
    return it == objects_.end() ? nullptr : it->second;
  }

  // Removes and returns the object; nullptr if the id is unknown (already removed, or never issued).
  std::shared_ptr<T> remove(std::int64_t id) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = objects_.find(id);
    if (it == objects_.end()) return nullptr;
    std::shared_ptr<T> object = std::move(it->second);
    objects_.erase(it);
    return object;
  }

  std::size_t size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return objects_.size();
  }

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::int64_t, std::shared_ptr<T>> objects_;
};

}  // namespace vss4j
