// Look-alikes of the Embedded Template Library's callback types, with their
// structure (ETL is not vendored): 'delegate' keeps a stub pointer in one
// field that 'create<f>()' or a constructor sets, 'function' a function
// pointer behind a virtual operator(), 'inplace_function' its callable in
// place and a pointer to a static vtable whose 'invoke' calls it. Each
// operator() calls through that one field, whatever object it is called on.
// Inputs/callable-types.yaml says they hold a callable. Built with
// LITE_THROW_EXCEPTIONS, calling an empty delegate throws, as ETL's
// ETL_ASSERT does with ETL_THROW_EXCEPTIONS (its failure path).
#ifndef CALLABLE_TYPES_H
#define CALLABLE_TYPES_H

#include <new>

namespace lite {

#ifdef LITE_THROW_EXCEPTIONS
struct exception {};
struct delegate_uninitialised : exception {};
#define LITE_ASSERT(condition, error)                                          \
  do {                                                                         \
    if (!(condition))                                                          \
      throw error;                                                             \
  } while (0)
#else
#define LITE_ASSERT(condition, error) ((void)0)
#endif

template <typename> class delegate;
template <typename R, typename... A> class delegate<R(A...)> {
  struct invocation_element {
    void *object = nullptr;
    R (*stub)(const invocation_element &, A...) = nullptr;
  };

public:
  delegate() = default;
  template <typename L> delegate(L &lambda) {
    invocation.object = &lambda;
    invocation.stub = lambda_stub<L>;
  }
  template <R (*F)(A...)> static delegate create() {
    delegate d;
    d.invocation.stub = function_stub<F>;
    return d;
  }
  template <typename L> static delegate create(L &lambda) {
    return delegate(lambda);
  }
  template <typename... C> R operator()(C &&...args) const {
    LITE_ASSERT(invocation.stub != nullptr, delegate_uninitialised());
    return (*invocation.stub)(invocation, static_cast<C &&>(args)...);
  }

private:
  template <R (*F)(A...)>
  static R function_stub(const invocation_element &, A... a) {
    return F(a...);
  }
  template <typename L>
  static R lambda_stub(const invocation_element &i, A... a) {
    return (*static_cast<L *>(i.object))(a...);
  }
  invocation_element invocation;
};

template <typename P> class ifunction {
public:
  virtual void operator()(P) const = 0;
};
template <typename O, typename P> class function : public ifunction<P> {
public:
  function(O &object, void (O::*f)(P)) : p_object(&object), p_function(f) {}
  void operator()(P data) const override { (p_object->*p_function)(data); }

private:
  O *p_object;
  void (O::*p_function)(P);
};
template <typename P> class function<void, P> : public ifunction<P> {
public:
  explicit function(void (*f)(P)) : p_function(f) {}
  void operator()(P data) const override { (*p_function)(data); }

private:
  void (*p_function)(P);
};

template <typename> class inplace_function;
template <typename R, typename... A> class inplace_function<R(A...)> {
  struct vtable_type {
    R (*invoke)(const void *, A...);
    template <typename L> static R stub(const void *object, A... a) {
      return (*static_cast<const L *>(object))(a...);
    }
    template <typename L> static const vtable_type *of() {
      static const vtable_type vtable{&stub<L>};
      return &vtable;
    }
  };

public:
  template <typename L> inplace_function(const L &lambda) {
    static_assert(sizeof(L) <= sizeof(storage), "too big");
    new (storage) L(lambda);
    vtable = vtable_type::template of<L>();
  }
  R operator()(A... a) const { return vtable->invoke(storage, a...); }

private:
  alignas(void *) unsigned char storage[32];
  const vtable_type *vtable = nullptr;
};

} // namespace lite

#endif
