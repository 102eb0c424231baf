// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <c10/core/ScalarType.h>
#include <c10/util/Optional.h>
#include <c10/util/typeid.h>

namespace c10 {

caffe2::TypeMeta scalarTypeToTypeMeta(ScalarType scalar_type);
ScalarType typeMetaToScalarType(caffe2::TypeMeta dtype);
bool operator==(ScalarType t, caffe2::TypeMeta m);
bool operator==(caffe2::TypeMeta m, ScalarType t);
bool operator!=(ScalarType t, caffe2::TypeMeta m);
bool operator!=(caffe2::TypeMeta m, ScalarType t);

} // namespace c10
