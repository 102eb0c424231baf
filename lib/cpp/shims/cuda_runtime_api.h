// parse shim for torchdevice-port: declares just enough of the CUDA runtime
// API for LibTorch's CUDA headers to parse; never used to compile or link.
//
// Declarations only. Nothing here is defined anywhere: a program that needs
// these functions at run time must be built against a real CUDA toolkit,
// which (being found through the normal include path) always takes
// precedence over this directory, passed with -idirafter.
#ifndef TORCHDEVICE_PORT_SHIM_CUDA_RUNTIME_API_H
#define TORCHDEVICE_PORT_SHIM_CUDA_RUNTIME_API_H

// Pretend to be a CUDA 11.7 runtime: LibTorch 1.13 was released against
// 11.6/11.7, and its headers only ask whether CUDART_VERSION is defined.
#ifndef CUDART_VERSION
#define CUDART_VERSION 11070
#endif

#include "host_defines.h"
#include "driver_types.h"
#include "vector_types.h"

#if defined(__cplusplus)
#define TORCHDEVICE_SHIM_DEFAULT(v) = v
extern "C" {
#else
#define TORCHDEVICE_SHIM_DEFAULT(v)
#endif

/* ---- errors ------------------------------------------------------------ */
cudaError_t CUDARTAPI cudaGetLastError(void);
cudaError_t CUDARTAPI cudaPeekAtLastError(void);
const char* CUDARTAPI cudaGetErrorString(cudaError_t error);
const char* CUDARTAPI cudaGetErrorName(cudaError_t error);

/* ---- versions ---------------------------------------------------------- */
cudaError_t CUDARTAPI cudaDriverGetVersion(int* driverVersion);
cudaError_t CUDARTAPI cudaRuntimeGetVersion(int* runtimeVersion);

/* ---- devices ----------------------------------------------------------- */
cudaError_t CUDARTAPI cudaGetDeviceCount(int* count);
cudaError_t CUDARTAPI cudaGetDevice(int* device);
cudaError_t CUDARTAPI cudaSetDevice(int device);
cudaError_t CUDARTAPI cudaDeviceSynchronize(void);
cudaError_t CUDARTAPI cudaDeviceReset(void);
cudaError_t CUDARTAPI cudaSetDeviceFlags(unsigned int flags);
cudaError_t CUDARTAPI cudaGetDeviceProperties(struct cudaDeviceProp* prop,
                                              int device);
cudaError_t CUDARTAPI cudaDeviceGetAttribute(int* value,
                                             enum cudaDeviceAttr attr,
                                             int device);
cudaError_t CUDARTAPI cudaDeviceGetStreamPriorityRange(int* leastPriority,
                                                       int* greatestPriority);
cudaError_t CUDARTAPI cudaDeviceCanAccessPeer(int* canAccessPeer, int device,
                                              int peerDevice);
cudaError_t CUDARTAPI cudaDeviceEnablePeerAccess(int peerDevice,
                                                 unsigned int flags);
cudaError_t CUDARTAPI cudaDeviceSetLimit(enum cudaLimit limit, size_t value);
cudaError_t CUDARTAPI cudaDeviceGetLimit(size_t* value, enum cudaLimit limit);

/* ---- streams ----------------------------------------------------------- */
cudaError_t CUDARTAPI cudaStreamCreate(cudaStream_t* stream);
cudaError_t CUDARTAPI cudaStreamCreateWithFlags(cudaStream_t* stream,
                                                unsigned int flags);
cudaError_t CUDARTAPI cudaStreamCreateWithPriority(cudaStream_t* stream,
                                                   unsigned int flags,
                                                   int priority);
cudaError_t CUDARTAPI cudaStreamDestroy(cudaStream_t stream);
cudaError_t CUDARTAPI cudaStreamSynchronize(cudaStream_t stream);
cudaError_t CUDARTAPI cudaStreamQuery(cudaStream_t stream);
cudaError_t CUDARTAPI cudaStreamGetPriority(cudaStream_t stream, int* priority);
cudaError_t CUDARTAPI cudaStreamGetFlags(cudaStream_t stream,
                                         unsigned int* flags);
cudaError_t CUDARTAPI cudaStreamWaitEvent(
    cudaStream_t stream, cudaEvent_t event,
    unsigned int flags TORCHDEVICE_SHIM_DEFAULT(0));

/* ---- stream capture and graphs ----------------------------------------- */
cudaError_t CUDARTAPI cudaStreamBeginCapture(cudaStream_t stream,
                                             enum cudaStreamCaptureMode mode);
cudaError_t CUDARTAPI cudaStreamEndCapture(cudaStream_t stream,
                                           cudaGraph_t* graph);
cudaError_t CUDARTAPI cudaStreamIsCapturing(
    cudaStream_t stream, enum cudaStreamCaptureStatus* captureStatus);
cudaError_t CUDARTAPI cudaThreadExchangeStreamCaptureMode(
    enum cudaStreamCaptureMode* mode);
cudaError_t CUDARTAPI cudaGraphInstantiate(cudaGraphExec_t* graphExec,
                                           cudaGraph_t graph,
                                           cudaGraphNode_t* errorNode,
                                           char* logBuffer, size_t bufferSize);
cudaError_t CUDARTAPI cudaGraphLaunch(cudaGraphExec_t graphExec,
                                      cudaStream_t stream);
cudaError_t CUDARTAPI cudaGraphDestroy(cudaGraph_t graph);
cudaError_t CUDARTAPI cudaGraphExecDestroy(cudaGraphExec_t graphExec);

/* ---- events ------------------------------------------------------------ */
cudaError_t CUDARTAPI cudaEventCreate(cudaEvent_t* event);
cudaError_t CUDARTAPI cudaEventCreateWithFlags(cudaEvent_t* event,
                                               unsigned int flags);
cudaError_t CUDARTAPI cudaEventRecord(
    cudaEvent_t event, cudaStream_t stream TORCHDEVICE_SHIM_DEFAULT(0));
cudaError_t CUDARTAPI cudaEventQuery(cudaEvent_t event);
cudaError_t CUDARTAPI cudaEventSynchronize(cudaEvent_t event);
cudaError_t CUDARTAPI cudaEventElapsedTime(float* ms, cudaEvent_t start,
                                           cudaEvent_t end);
cudaError_t CUDARTAPI cudaEventDestroy(cudaEvent_t event);

/* ---- inter-process handles --------------------------------------------- */
cudaError_t CUDARTAPI cudaIpcGetEventHandle(cudaIpcEventHandle_t* handle,
                                            cudaEvent_t event);
cudaError_t CUDARTAPI cudaIpcOpenEventHandle(cudaEvent_t* event,
                                             cudaIpcEventHandle_t handle);
cudaError_t CUDARTAPI cudaIpcGetMemHandle(cudaIpcMemHandle_t* handle,
                                          void* devPtr);
cudaError_t CUDARTAPI cudaIpcOpenMemHandle(void** devPtr,
                                           cudaIpcMemHandle_t handle,
                                           unsigned int flags);
cudaError_t CUDARTAPI cudaIpcCloseMemHandle(void* devPtr);

/* ---- memory ------------------------------------------------------------ */
cudaError_t CUDARTAPI cudaMalloc(void** devPtr, size_t size);
cudaError_t CUDARTAPI cudaMallocManaged(
    void** devPtr, size_t size,
    unsigned int flags TORCHDEVICE_SHIM_DEFAULT(cudaMemAttachGlobal));
cudaError_t CUDARTAPI cudaMallocHost(void** ptr, size_t size);
cudaError_t CUDARTAPI cudaHostAlloc(void** pHost, size_t size,
                                    unsigned int flags);
cudaError_t CUDARTAPI cudaHostRegister(void* ptr, size_t size,
                                       unsigned int flags);
cudaError_t CUDARTAPI cudaHostUnregister(void* ptr);
cudaError_t CUDARTAPI cudaFree(void* devPtr);
cudaError_t CUDARTAPI cudaFreeHost(void* ptr);
cudaError_t CUDARTAPI cudaMemGetInfo(size_t* free, size_t* total);
cudaError_t CUDARTAPI cudaMemcpy(void* dst, const void* src, size_t count,
                                 enum cudaMemcpyKind kind);
cudaError_t CUDARTAPI cudaMemcpyAsync(
    void* dst, const void* src, size_t count, enum cudaMemcpyKind kind,
    cudaStream_t stream TORCHDEVICE_SHIM_DEFAULT(0));
cudaError_t CUDARTAPI cudaMemcpyPeerAsync(
    void* dst, int dstDevice, const void* src, int srcDevice, size_t count,
    cudaStream_t stream TORCHDEVICE_SHIM_DEFAULT(0));
cudaError_t CUDARTAPI cudaMemset(void* devPtr, int value, size_t count);
cudaError_t CUDARTAPI cudaMemsetAsync(
    void* devPtr, int value, size_t count,
    cudaStream_t stream TORCHDEVICE_SHIM_DEFAULT(0));
cudaError_t CUDARTAPI cudaPointerGetAttributes(
    struct cudaPointerAttributes* attributes, const void* ptr);

/* ---- kernel launch (host side) ----------------------------------------- */
cudaError_t CUDARTAPI cudaLaunchKernel(
    const void* func, dim3 gridDim, dim3 blockDim, void** args,
    size_t sharedMem TORCHDEVICE_SHIM_DEFAULT(0),
    cudaStream_t stream TORCHDEVICE_SHIM_DEFAULT(0));
cudaError_t CUDARTAPI cudaFuncSetCacheConfig(const void* func,
                                             enum cudaFuncCache cacheConfig);

#if defined(__cplusplus)
} // extern "C"
#endif

#undef TORCHDEVICE_SHIM_DEFAULT

#endif // TORCHDEVICE_PORT_SHIM_CUDA_RUNTIME_API_H
