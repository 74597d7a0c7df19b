// Result<T>: a value or an Error, in the manner of std::expected (C++23), which the
// toolchains Conclave supports do not all have in C++20 mode.
#pragma once

#include "core/util/Error.h"

#include <cassert>
#include <utility>
#include <variant>

namespace Conclave::Core {

template<typename T> class [[nodiscard]] Result
{
public:
    Result(const T& value)
        : m_data(std::in_place_index<0>, value)
    {}
    Result(T&& value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(const Error& error)
        : m_data(std::in_place_index<1>, error)
    {}
    Result(Error&& error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    const T& value() const&
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    T&& value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_data));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const
    {
        assert(!ok());
        return std::get<1>(m_data);
    }

private:
    std::variant<T, Error> m_data;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(const Error& error)
        : m_error(error)
        , m_failed(true)
    {}
    Result(Error&& error)
        : m_error(std::move(error))
        , m_failed(true)
    {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const
    {
        assert(m_failed);
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

} // namespace Conclave::Core
