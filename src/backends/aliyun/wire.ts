import { z } from 'zod';

/**
 * Alibaba Cloud IoT Platform (2018-01-20) answers as Fleetlog reads them. Lenient where the
 * service is inconsistent (Time as string or number, absent lists), strict where Fleetlog relies on
 * a field. Only what the adapter maps is declared; zod drops the rest.
 */

const timeText = z.union([z.string().regex(/^\d+$/), z.number().int()]).transform(String);
/** The service sends `Code: ""` on success and may leave out empty lists. */
const optionalText = z.string().nullish();

export const eventTypeSchema = z.enum(['info', 'alert', 'error']);

export const eventInfoSchema = z.object({
  Time: timeText,
  Identifier: z.string(),
  Name: z.string().nullish(),
  EventType: eventTypeSchema,
  OutputData: z.string().nullish(),
});
export type AliyunEventInfo = z.infer<typeof eventInfoSchema>;

export const eventDataSchema = z.object({
  NextValid: z.boolean(),
  NextTime: z.number().nullish(),
  List: z
    .object({ EventInfo: z.array(eventInfoSchema).default([]) })
    .nullish()
    .transform((list) => list?.EventInfo ?? []),
});
export type AliyunEventData = z.infer<typeof eventDataSchema>;

export const productInfoSchema = z.object({
  ProductKey: z.string(),
  ProductName: z.string(),
  NodeType: z.number().nullish(),
});

export const productListDataSchema = z.object({
  CurrentPage: z.number(),
  PageCount: z.number(),
  List: z
    .object({ ProductInfo: z.array(productInfoSchema).default([]) })
    .nullish()
    .transform((list) => list?.ProductInfo ?? []),
});

export const deviceInfoSchema = z.object({
  IotId: z.string().min(1),
  DeviceName: z.string(),
  ProductKey: z.string(),
  Nickname: optionalText,
  DeviceStatus: z.string(),
  UtcCreate: optionalText,
});
export type AliyunDeviceInfo = z.infer<typeof deviceInfoSchema>;

export const deviceListSchema = z.object({
  Data: z
    .object({ DeviceInfo: z.array(deviceInfoSchema).default([]) })
    .nullish()
    .transform((data) => data?.DeviceInfo ?? []),
  Page: z.number().nullish(),
  PageCount: z.number().nullish(),
  NextToken: optionalText,
});

export const deviceDetailSchema = z.object({
  IotId: z.string().min(1),
  ProductKey: z.string(),
  ProductName: optionalText,
  DeviceName: z.string(),
  Nickname: optionalText,
  Status: z.string(),
  FirmwareVersion: optionalText,
  IpAddress: optionalText,
  NodeType: z.number().nullish(),
  UtcCreate: optionalText,
  UtcActive: optionalText,
  UtcOnline: optionalText,
});
export type AliyunDeviceDetail = z.infer<typeof deviceDetailSchema>;

export const tslDataSchema = z.object({ TslStr: z.string() });

/** The part of a TSL document the Identifier filter needs. */
export const tslSchema = z.object({
  events: z
    .array(
      z.object({
        identifier: z.string(),
        name: z.string().nullish(),
        type: eventTypeSchema.catch('info'),
      }),
    )
    .default([]),
  functionBlocks: z
    .array(z.object({ functionBlockId: z.string(), functionBlockName: z.string().nullish() }))
    .nullish(),
});

/** Both failure envelopes, plus Fleetlog's own (`type`, `message`, `request_id`). */
export const errorEnvelopeSchema = z.object({
  RequestId: optionalText,
  Code: optionalText,
  Message: optionalText,
  ErrorMessage: optionalText,
  Success: z.boolean().nullish(),
  type: optionalText,
  message: optionalText,
  request_id: optionalText,
  source: optionalText,
});
export type AliyunErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
