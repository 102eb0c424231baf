// parse shim for torchdevice-port: declares just enough of the CUDA runtime
// API for LibTorch's CUDA headers to parse; never used to compile or link.
//
// cuBLAS (v2 interface): the handle and status types that
// ATen/cuda/CUDAContext.h and ATen/cuda/Exceptions.h name, the common mode
// enumerations, and handle/stream management. No BLAS routines.
#ifndef TORCHDEVICE_PORT_SHIM_CUBLAS_V2_H
#define TORCHDEVICE_PORT_SHIM_CUBLAS_V2_H

#include <cuda_runtime_api.h>
#include <library_types.h>

#ifndef CUBLASAPI
#define CUBLASAPI
#endif

typedef struct cublasContext* cublasHandle_t;

typedef enum {
  CUBLAS_STATUS_SUCCESS = 0,
  CUBLAS_STATUS_NOT_INITIALIZED = 1,
  CUBLAS_STATUS_ALLOC_FAILED = 3,
  CUBLAS_STATUS_INVALID_VALUE = 7,
  CUBLAS_STATUS_ARCH_MISMATCH = 8,
  CUBLAS_STATUS_MAPPING_ERROR = 11,
  CUBLAS_STATUS_EXECUTION_FAILED = 13,
  CUBLAS_STATUS_INTERNAL_ERROR = 14,
  CUBLAS_STATUS_NOT_SUPPORTED = 15,
  CUBLAS_STATUS_LICENSE_ERROR = 16
} cublasStatus_t;

typedef enum {
  CUBLAS_OP_N = 0,
  CUBLAS_OP_T = 1,
  CUBLAS_OP_C = 2
} cublasOperation_t;

typedef enum {
  CUBLAS_FILL_MODE_LOWER = 0,
  CUBLAS_FILL_MODE_UPPER = 1,
  CUBLAS_FILL_MODE_FULL = 2
} cublasFillMode_t;

typedef enum {
  CUBLAS_DIAG_NON_UNIT = 0,
  CUBLAS_DIAG_UNIT = 1
} cublasDiagType_t;

typedef enum {
  CUBLAS_SIDE_LEFT = 0,
  CUBLAS_SIDE_RIGHT = 1
} cublasSideMode_t;

typedef enum {
  CUBLAS_POINTER_MODE_HOST = 0,
  CUBLAS_POINTER_MODE_DEVICE = 1
} cublasPointerMode_t;

typedef enum {
  CUBLAS_DEFAULT_MATH = 0,
  CUBLAS_TENSOR_OP_MATH = 1,
  CUBLAS_PEDANTIC_MATH = 2,
  CUBLAS_TF32_TENSOR_OP_MATH = 3
} cublasMath_t;

#if defined(__cplusplus)
extern "C" {
#endif

cublasStatus_t CUBLASAPI cublasCreate_v2(cublasHandle_t* handle);
cublasStatus_t CUBLASAPI cublasDestroy_v2(cublasHandle_t handle);
cublasStatus_t CUBLASAPI cublasSetStream_v2(cublasHandle_t handle,
                                            cudaStream_t streamId);
cublasStatus_t CUBLASAPI cublasGetStream_v2(cublasHandle_t handle,
                                            cudaStream_t* streamId);
cublasStatus_t CUBLASAPI cublasSetPointerMode_v2(cublasHandle_t handle,
                                                 cublasPointerMode_t mode);
cublasStatus_t CUBLASAPI cublasGetPointerMode_v2(cublasHandle_t handle,
                                                 cublasPointerMode_t* mode);
cublasStatus_t CUBLASAPI cublasSetMathMode(cublasHandle_t handle,
                                           cublasMath_t mode);
cublasStatus_t CUBLASAPI cublasGetMathMode(cublasHandle_t handle,
                                           cublasMath_t* mode);
cublasStatus_t CUBLASAPI cublasSetWorkspace_v2(cublasHandle_t handle,
                                               void* workspace,
                                               size_t workspaceSizeInBytes);
const char* CUBLASAPI cublasGetStatusString(cublasStatus_t status);

#if defined(__cplusplus)
} // extern "C"
#endif

// The v2 header publishes the handle functions under their unsuffixed names.
#define cublasCreate cublasCreate_v2
#define cublasDestroy cublasDestroy_v2
#define cublasSetStream cublasSetStream_v2
#define cublasGetStream cublasGetStream_v2
#define cublasSetPointerMode cublasSetPointerMode_v2
#define cublasGetPointerMode cublasGetPointerMode_v2
#define cublasSetWorkspace cublasSetWorkspace_v2

#endif // TORCHDEVICE_PORT_SHIM_CUBLAS_V2_H
